import type { ResidentStatusView, StatusCaseRef } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { csrfField, errorSummary, textField } from '../../views/form';
import { CASE_TYPE_LABELS, STATUS_LABELS, swedishTime } from '../../views/labels';
import { FormProblems } from '../../gateway/problem-messages';

export const STATUS_PATH = '/invanare/status';
export const STATUS_FIELDS = { personnummer: 'Personnummer' } as const;

const GUARDIAN_BLOCK_STATUS_LABELS: Record<string, string> = {
  RECEIVED: 'Mottagen',
  EXECUTING: 'Utförs',
  BLOCKED: 'Blockerad',
  NOT_APPLICABLE: 'Ej tillämplig',
  FAILED: 'Misslyckad',
  ALREADY_IN_EFFECT: 'Gällde redan',
  UNBLOCKING: 'Blockeringen hävs',
  UNBLOCKED: 'Blockeringen hävd',
  CLOSED: 'Avslutad',
};

function caseLink(c: StatusCaseRef): SafeHtml {
  // Guardian blocks have no case page here: their registry number is shown as text.
  return c.type === 'GUARDIAN_BLOCK' || c.type === 'GUARDIAN_UNBLOCK' ? html`${c.registryNumber}` : html`<a href="/arenden/${c.id}">${c.registryNumber}</a>`;
}

function scopeText(scope: ResidentStatusView['seal']['scope']): string {
  if (!scope) return '';
  const what = scope.whole ? 'hela journalen' : [...(scope.careProviders ?? []), ...(scope.careUnits ?? [])].join(', ');
  const period = scope.from || scope.to ? ` (${scope.from ?? '…'}–${scope.to ?? '…'})` : '';
  return `${what}${period}`;
}

function answer(s: ResidentStatusView): SafeHtml {
  const summary = `Inloggningen är ${s.login.locked ? 'låst' : 'inte låst'}, journalen är ${s.seal.sealed ? 'förseglad' : 'inte förseglad'}${s.guardianBlocks.length > 0 ? ', och det finns blockeringar av vårdnadshavare' : ''}.`;
  return html`<section aria-labelledby="s-answer" class="panel">
<h2 id="s-answer">Status</h2>
<p role="status" id="status-summary"><strong>${summary}</strong></p>
${s.identityNumberKind === 'SAMORDNINGSNUMMER' ? html`<p class="notice">Invånaren har ett samordningsnummer.</p>` : null}
<dl class="facts">
  <dt>Inloggning till 1177</dt>
  <dd id="status-login">${s.login.locked ? `Låst${s.login.lockedByRegion ? ` på begäran av ${s.login.lockedByRegion}` : ''}` : 'Inte låst'}${s.login.lockCase ? html` · ${caseLink(s.login.lockCase)}` : null}${s.login.seenAt ? html` <span class="muted">(enligt personalverktyget ${swedishTime(s.login.seenAt)})</span>` : null}</dd>
  <dt>Journal</dt>
  <dd id="status-seal">${s.seal.sealed ? `Förseglad${s.seal.sealedByRegion ? ` av ${s.seal.sealedByRegion}` : ''}${s.seal.scope ? `: ${scopeText(s.seal.scope)}` : ''}` : 'Inte förseglad'}${s.seal.sealCase ? html` · ${caseLink(s.seal.sealCase)}` : null}</dd>
</dl>
${s.login.locked && s.login.lockedByRegion ? html`<p class="hint">Bara regionen som låste kan låsa upp (R10).</p>` : null}
<h3>Blockerade vårdnadshavare (R18)</h3>
${s.guardianBlocks.length === 0
  ? html`<p>Inga blockeringar i din region.</p>`
  : html`<ul>${s.guardianBlocks.map(
      (b) => html`<li>${b.registryNumber ?? 'Blockering'} · ${b.region} · ${GUARDIAN_BLOCK_STATUS_LABELS[b.status] ?? b.status}: ${b.blockedGuardians.length > 0 ? b.blockedGuardians.join(', ') : 'ingen vårdnadshavare blockerad'}</li>`,
    )}</ul>
<p class="hint">Vänd dig inte till en blockerad vårdnadshavare i ärenden om barnet.</p>`}
<h3>Ärenden</h3>
${s.cases.length === 0
  ? html`<p>Inga ärenden som du har behörighet att se.</p>`
  : html`<table class="timeline" id="status-cases">
  <caption class="visually-hidden">Invånarens ärenden, senaste först</caption>
  <thead><tr><th scope="col">Diarienummer</th><th scope="col">Typ</th><th scope="col">Status</th><th scope="col">Registrerat</th></tr></thead>
  <tbody>${s.cases.map(
    (c) => html`<tr><th scope="row">${caseLink(c)}</th><td>${CASE_TYPE_LABELS[c.type] ?? c.type}</td><td>${STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? GUARDIAN_BLOCK_STATUS_LABELS[c.status] ?? c.status}</td><td>${swedishTime(c.createdAt)}</td></tr>`,
  )}</tbody>
</table>`}
${s.casesTruncated ? html`<p id="status-cases-truncated" class="notice">Listan är avkortad: bara de senaste ärendena visas. Hitta ett äldre ärende på dess diarienummer.</p>` : null}
</section>`;
}

/** The form (a POST: the personnummer never in a URL) and, after it, the answer in the same response. */
export function residentStatusView(o: { value: string; problems: FormProblems; status: ResidentStatusView | null; csrfToken: string }): SafeHtml {
  return html`<h1>Invånarens status</h1>
<p class="lead">Om invånarens inloggning är låst och av vilken region, om journalen är förseglad, vilka vårdnadshavare som är blockerade, och de ärenden du får se. Frågan loggas.</p>
${errorSummary(o.problems.fields, o.problems.general, STATUS_FIELDS)}
<form method="post" action="${STATUS_PATH}" novalidate>
${csrfField(o.csrfToken)}
${textField({ name: 'personnummer', label: STATUS_FIELDS.personnummer, value: o.value, error: o.problems.fields.personnummer, hint: '12 siffror, ÅÅÅÅMMDDNNNN', width: 'medium', autocomplete: 'off', inputmode: 'numeric', required: true })}
<p><button type="submit" class="button">Visa status</button></p>
</form>
${o.status ? answer(o.status) : null}`;
}
