import type { ChainVerification } from '@accessdesk/audit';
import type { AuditChainCheck } from '../../gateway/gateway.client';
import { SafeHtml, html } from '../../views/html';
import { TRAIL_LABELS, swedishTime } from '../../views/labels';

export const CHAIN_PATH = '/granskning/kedjan';

/**
 * Why a chain broke, in Swedish, from libs/audit's `verifyAuditChain` reasons (English, for
 * operators' logs); a reason this page does not know is told in general terms.
 */
export function explainBreak(reason: string | undefined): string {
  const missing = /^record (\d+) is missing$/.exec(reason ?? '');
  if (missing) return `Post nr ${missing[1]} saknas: en post har tagits bort ur kedjan.`;
  switch (reason) {
    case 'does not follow the record before it':
      return 'Posten följer inte på posten före den: en post har lagts till, tagits bort eller flyttats.';
    case 'its content does not match its hash':
      return 'Postens innehåll stämmer inte med dess kontrollsumma: posten har ändrats efter att den skrevs.';
    case 'a record not yet linked into the chain does not match its content hash':
      return 'En post som ännu inte hade länkats in i kedjan har ändrats efter att den skrevs.';
    case 'a record of another region does not fit':
      return 'En post från en annan region stämmer inte. Den namnges inte här; den regionens granskare och driften kan se den.';
    default:
      return 'En post stämmer inte med kedjan.';
  }
}

/** Where a chain broke, in words: the record's number and id, one not yet linked, or another region's. */
export function describeBreak(brokenAt: { seq?: number | null; id?: string } | null | undefined): string {
  if (!brokenAt?.id) return 'Posten tillhör en annan region och namnges inte.';
  if (brokenAt.seq === null || brokenAt.seq === undefined) return `Posten med id ${brokenAt.id}, som ännu inte hade länkats in i kedjan.`;
  return `Post nr ${brokenAt.seq} i kedjan (id ${brokenAt.id}).`;
}

/** The chain check's verdict, explained: whole or broken, where and why, and what is not yet linked. */
export function auditChainView(check: AuditChainCheck, checkedAt: Date): SafeHtml {
  const trails = Object.entries(check.trails);
  return html`<h1>Kontrollera loggkedjan</h1>
<p class="lead">Varje loggpost bär en kontrollsumma (SHA-256) över sitt innehåll och posten före den. Kontrollen räknar om hela kedjan i båda loggarna: en post som ändrats, tagits bort eller lagts till i efterhand bryter kedjan.</p>
<div role="status" class="verdict ${check.valid ? 'verdict-valid' : 'verdict-broken'}" id="chain-verdict">
${check.valid
  ? html`<h2>Loggkedjan är hel</h2>
<p>Alla ${check.records} loggposter från din region stämmer: ingen post har ändrats, tagits bort eller lagts till i efterhand.</p>`
  : html`<h2>Loggkedjan är bruten</h2>
<p>I ${lowerFirst(TRAIL_LABELS[check.brokenAt?.trail ?? ''] ?? check.brokenAt?.trail ?? 'en av loggarna')}. ${describeBreak(check.brokenAt)}</p>
<p>${explainBreak(check.reason)}</p>
<p>Spara den här sidan och kontakta informationssäkerhetsansvarig och driften. Poster efter brottet kan inte styrkas förrän orsaken är utredd.</p>`}
</div>
<p class="muted">Kontrollerad ${swedishTime(checkedAt.toISOString())}. Kontrollen är själv loggad.</p>
<section aria-labelledby="s-trails" class="panel">
<h2 id="s-trails">Loggarna var för sig</h2>
<table class="records" id="chain-trails">
  <caption class="visually-hidden">Resultatet för varje logg</caption>
  <thead><tr><th scope="col">Logg</th><th scope="col">Poster från din region</th><th scope="col">Resultat</th><th scope="col">Ännu inte länkade</th></tr></thead>
  <tbody>
    ${trails.map(([trail, v]) => html`<tr><th scope="row">${TRAIL_LABELS[trail] ?? trail}</th><td>${v.records}</td><td>${v.valid ? 'Hel' : html`<strong>Bruten.</strong> ${explainBreak(v.reason)}`}</td><td>${unlinkedCount(v)}</td></tr>`)}
  </tbody>
</table>
${unlinkedView(trails)}
</section>
<p><a href="${CHAIN_PATH}">Kontrollera igen</a></p>`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function unlinkedCount(v: ChainVerification): string {
  return v.valid ? String(v.unlinked.count) : '–';
}

/** Records committed while the check ran: not yet in the chain, each checked against its own content hash. */
function unlinkedView(trails: Array<[string, ChainVerification]>): SafeHtml | null {
  const waiting = trails.filter((entry): entry is [string, Extract<ChainVerification, { valid: true }>] => entry[1].valid && entry[1].unlinked.count > 0);
  if (waiting.length === 0) {
    return html`<p>Alla poster var länkade in i kedjan när den kontrollerades.</p>`;
  }
  return html`<h3>Poster som ännu inte länkats in</h3>
<p>Poster som sparades medan kontrollen pågick har ännu inte fått sin plats i kedjan; de länkas in inom någon sekund. Till dess skyddas var och en av en egen kontrollsumma, och den stämde för dem alla.</p>
<ul>
  ${waiting.map(([trail, v]) => html`<li>${TRAIL_LABELS[trail] ?? trail}: ${v.unlinked.count} ${v.unlinked.count === 1 ? 'post' : 'poster'}${v.unlinked.first.length > 0 ? html`, den första sparad ${swedishTime(v.unlinked.first[0]?.at ?? '')}` : null}.</li>`)}
</ul>`;
}
