import type { CaseView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { CASE_TYPE_LABELS, CHANNEL_LABELS, OUTCOME_LABELS, PAPERWORK_LABELS, PENDING_BY_STATUS, SETTLED_STATUSES, STATUS_LABELS, swedishTime } from '../../views/labels';

/**
 * One case: status and what is pending, the effects and advice of R17, and the timeline. The part that
 * changes while the case moves (`#case-live`) is refreshed by case-refresh.js until the case settles;
 * without script, the "Uppdatera" link does the same.
 */
export function caseView(c: CaseView, options: { mayFile?: boolean } = {}): SafeHtml {
  const settled = SETTLED_STATUSES.has(c.status);
  return html`<h1>Ärende ${c.registryNumber}</h1>
<p class="lead">${CASE_TYPE_LABELS[c.type] ?? c.type} · ${c.region}</p>
<div id="case-live" data-settled="${settled ? 'true' : 'false'}">
<section aria-labelledby="s-status" class="panel">
  <h2 id="s-status">Status</h2>
  <p class="status-line"><span class="status status-${c.status.toLowerCase()}" id="case-status">${STATUS_LABELS[c.status] ?? c.status}</span>${c.outcome ? html` · Utfall: <strong id="case-outcome">${OUTCOME_LABELS[c.outcome] ?? c.outcome}</strong>` : null}</p>
  <h3>Vad som väntar</h3>
  <p id="case-pending">${PENDING_BY_STATUS[c.status] ?? ''}${c.paperwork === 'PENDING' ? ' Blanketten för nödlåsningen har inte kommit in än (R12).' : ''}</p>
  ${settled ? null : html`<p><a href="/arenden/${c.id}" class="refresh-link">Uppdatera</a> <span class="muted">Sidan uppdateras av sig själv medan ärendet pågår.</span></p>`}
  ${options.mayFile && liftable(c) ? html`<p><a href="/upplasning/ny?las=${c.id}" class="button secondary" id="request-unlock">Begär upplåsning</a> <span class="muted">Kräver en ny bedömning och ett dokumenterat beslut (R11).</span></p>` : null}
</section>

${c.effects.length > 0 || c.advice.length > 0
  ? html`<section aria-labelledby="s-effects" class="panel">
  <h2 id="s-effects">Vad åtgärden innebär (R17)</h2>
  ${c.effects.length > 0 ? html`<h3>Effekter för invånaren</h3><ul>${c.effects.map((e) => html`<li>${e}</li>`)}</ul>` : null}
  ${c.advice.length > 0 ? html`<h3>Råd</h3><ul>${c.advice.map((a) => html`<li>${a}</li>`)}</ul>` : null}
</section>`
  : null}

<section aria-labelledby="s-facts" class="panel">
  <h2 id="s-facts">Uppgifter</h2>
  <dl class="facts">
    <dt>Diarienummer</dt><dd>${c.registryNumber}</dd>
    <dt>Typ</dt><dd>${CASE_TYPE_LABELS[c.type] ?? c.type}</dd>
    <dt>Kanal</dt><dd>${CHANNEL_LABELS[c.channel] ?? c.channel}</dd>
    <dt>Begärande enhet</dt><dd>${c.requestingUnit.name} (${c.requestingUnit.hsaId})</dd>
    <dt>Blankett</dt><dd>${PAPERWORK_LABELS[c.paperwork] ?? c.paperwork}</dd>
    <dt>Registrerat</dt><dd>${swedishTime(c.createdAt)}</dd>
    <dt>Senast ändrat</dt><dd>${swedishTime(c.updatedAt)}</dd>
  </dl>
  ${c.relatedCases.length > 0
    ? html`<h3>Relaterade ärenden</h3><ul>${c.relatedCases.map((r) => html`<li><a href="/arenden/${r.id}">${r.registryNumber}</a> · ${CASE_TYPE_LABELS[r.type] ?? r.type} · ${STATUS_LABELS[r.status] ?? r.status}</li>`)}</ul>`
    : null}
</section>

<section aria-labelledby="s-timeline" class="panel">
  <h2 id="s-timeline">Tidslinje</h2>
  <table class="timeline">
    <caption class="visually-hidden">Ärendets steg, äldst först</caption>
    <thead><tr><th scope="col">Tid</th><th scope="col">Status</th><th scope="col">Av</th><th scope="col">Anteckning</th></tr></thead>
    <tbody>
      ${c.timeline.map((t) => html`<tr><td>${swedishTime(t.at)}</td><td>${STATUS_LABELS[t.status] ?? t.status}</td><td>${t.by.startsWith('system:') ? 'Systemet' : t.by}</td><td>${t.note}</td></tr>`)}
    </tbody>
  </table>
</section>
</div>`;
}

/** An executed login lock that no later case lifts: its region may ask for it to be unlocked (R10, R11). */
function liftable(c: CaseView): boolean {
  return c.type === 'LOGIN_LOCK' && c.outcome === 'EXECUTED' && !c.relatedCases.some((r) => r.relation === 'LIFTED_BY');
}
