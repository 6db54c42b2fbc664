import type { CaseListView, CaseStatus } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { CASE_TYPE_LABELS, OUTCOME_LABELS, STATUS_LABELS, swedishTime } from '../../views/labels';

export const UNIT_CASES_PATH = '/enhetens-arenden';

/** The link to a page of the list: the status filter and the cursor only (never anything about a resident). */
export function unitCasesHref(status: CaseStatus | undefined, cursor?: string): string {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  return query.size > 0 ? `${UNIT_CASES_PATH}?${query}` : UNIT_CASES_PATH;
}

/**
 * The unit's cases, newest first, filtered by status (a GET form: the status is no personal data).
 * A page that does not hold everything says so and links on ("Visa fler").
 */
export function unitCasesView(o: { list: CaseListView; status: CaseStatus | undefined; continued: boolean; unitName: string | null }): SafeHtml {
  const { list, status } = o;
  return html`<h1>Enhetens ärenden</h1>
<p class="lead">Ärenden som din enhet har begärt${o.unitName ? html` (${o.unitName})` : null}, de senaste först. Öppna ett ärende för tidslinjen, vad som väntar och vad åtgärden innebär (R17).</p>
<form method="get" action="${UNIT_CASES_PATH}" class="filter">
  <div class="field">
    <label for="f-status">Status</label>
    <select class="input" id="f-status" name="status">
      <option value=""${status ? null : html` selected`}>Alla</option>
      ${Object.entries(STATUS_LABELS).map(([value, text]) => html`<option value="${value}"${value === status ? html` selected` : null}>${text}</option>`)}
    </select>
  </div>
  <p><button type="submit" class="button secondary">Visa</button></p>
</form>
<p role="status" id="case-count">${list.items.length === 0
  ? (status ? `Inga ärenden med status ${STATUS_LABELS[status].toLowerCase()}.` : 'Enheten har inga ärenden.')
  : `${o.continued ? 'Fler ärenden' : 'Visar'}: ${list.items.length} ${list.items.length === 1 ? 'ärende' : 'ärenden'}${list.truncated ? ', fler finns' : ''}.`}</p>
${list.items.length > 0
  ? html`<table class="timeline cases">
  <caption class="visually-hidden">Enhetens ärenden${status ? ` med status ${STATUS_LABELS[status].toLowerCase()}` : ''}, de senaste först</caption>
  <thead><tr><th scope="col">Diarienummer</th><th scope="col">Typ</th><th scope="col">Status</th><th scope="col">Utfall</th><th scope="col">Registrerat</th></tr></thead>
  <tbody>
    ${list.items.map(
      (c) => html`<tr><th scope="row"><a href="/arenden/${c.id}">${c.registryNumber}</a>${c.protectedIdentity ? html` <span class="muted">(skyddad identitet)</span>` : null}</th><td>${CASE_TYPE_LABELS[c.type] ?? c.type}</td><td>${STATUS_LABELS[c.status] ?? c.status}</td><td>${c.outcome ? (OUTCOME_LABELS[c.outcome] ?? c.outcome) : '–'}</td><td>${swedishTime(c.createdAt)}</td></tr>`,
    )}
  </tbody>
</table>`
  : null}
${list.nextCursor ? html`<p><a href="${unitCasesHref(status, list.nextCursor)}" class="button secondary">Visa fler</a></p>` : null}
${o.continued ? html`<p><a href="${unitCasesHref(status)}">Till de senaste ärendena</a></p>` : null}`;
}
