import type { AuditTrailPage, AuditTrailRecord } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { csrfField, errorSummary, textField } from '../../views/form';
import { SafeHtml, html } from '../../views/html';
import { AUDIT_ACTION_LABELS, ROLE_LABELS, swedishTime } from '../../views/labels';
import { AUDIT_FIELDS, AuditField, AuditFormValues, searchLink } from './audit-search.form';

export const SEARCH_PATH = '/granskning';
export const EXPORT_PATH = '/granskning/export';

const DATE_HINT = 'Datum, eller datum och tid i svensk tid: 2026-11-20 eller 2026-11-20 09:30.';

export interface AuditSearchPage {
  values: AuditFormValues;
  problems: FormProblems;
  csrfToken: string;
  /** The answer, when a search was made. */
  result?: AuditTrailPage;
  /** This page continues an earlier one (a cursor was followed). */
  continued?: boolean;
}

/** The search form, then (after a search) the records as a table, with "Visa fler" when cut and the CSV extract. */
export function auditSearchView(p: AuditSearchPage): SafeHtml {
  const field = (name: AuditField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label: AUDIT_FIELDS[name], value: p.values[name] ?? '', error: p.problems.fields[name], autocomplete: 'off', ...extra });
  return html`<h1>Granska loggen</h1>
<p class="lead">Vem som har läst och ändrat vad, och när (R23). Sök på en invånare, ett ärende, en medarbetare eller en tidsperiod, eller kombinera dem. Varje sökning loggas.</p>
${errorSummary(p.problems.fields, p.problems.general, AUDIT_FIELDS)}
<form method="post" action="${SEARCH_PATH}" novalidate class="search-form">
${csrfField(p.csrfToken)}
<fieldset>
  <legend>Vad vill du granska?</legend>
  ${field('personnummer', { hint: 'En invånares logg från båda loggarna. 12 siffror, ÅÅÅÅMMDDNNNN. Numret skickas aldrig i en adress.', width: 'medium', inputmode: 'numeric' })}
  ${field('caseId', { hint: 'Diarienummer, till exempel VGR-2026-000001, eller ärende-id.', width: 'medium' })}
  ${field('actorHsaId', { hint: 'Vad en medarbetare har gjort, till exempel SE2321000131-E000000000011.', width: 'medium' })}
  ${field('from', { hint: DATE_HINT, width: 'medium' })}
  ${field('to', { hint: `${DATE_HINT} Till, inte till och med.`, width: 'medium' })}
</fieldset>
<p><button type="submit" class="button">Sök i loggen</button></p>
</form>
${p.result ? resultsView(p) : null}`;
}

function resultsView(p: AuditSearchPage): SafeHtml {
  const result = p.result as AuditTrailPage;
  const byResident = p.values.personnummer !== undefined;
  const count = result.records.length;
  return html`<section aria-labelledby="s-results" class="panel">
<h2 id="s-results">${p.continued ? 'Fler loggposter' : 'Loggposter'}</h2>
<div role="status" id="audit-result-status"><p>${count === 0
    ? 'Inga loggposter matchar sökningen.'
    : html`Visar ${count} ${count === 1 ? 'loggpost' : 'loggposter'}, äldst först.${result.truncated ? ' Det finns fler: se ”Visa fler” under tabellen.' : ''}`}</p></div>
${count > 0 ? recordsTable(result.records) : null}
${result.truncated && result.nextCursor ? moreView(p, result.nextCursor, byResident) : null}
${count > 0 ? exportView(p, byResident) : null}
</section>`;
}

function recordsTable(records: readonly AuditTrailRecord[]): SafeHtml {
  return html`<div class="table-scroll"><table class="records" id="audit-records">
  <caption class="visually-hidden">Loggposter, äldst först</caption>
  <thead><tr><th scope="col">Tid</th><th scope="col">Händelse</th><th scope="col">Vem</th><th scope="col">Ärende</th><th scope="col">Detalj</th><th scope="col">Logg och nr</th></tr></thead>
  <tbody>
    ${records.map((r) => html`<tr>
      <td class="nowrap">${swedishTime(r.at)}</td>
      <td>${AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
      <td>${r.actor.sub.startsWith('system:') ? 'Systemet' : html`${r.actor.name}<br><span class="muted">${r.actor.sub}${r.actor.roles.length > 0 ? `, ${r.actor.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}` : ''}</span>`}${r.origin ? html`<br><span class="muted">från ${r.origin}</span>` : null}</td>
      <td class="nowrap">${r.caseId ? (r.trail === 'intake' ? html`<a href="/arenden/${r.caseId}"><span class="visually-hidden">Ärende </span>${r.caseId.slice(0, 8)}…</a>` : html`<span title="${r.caseId}">${r.caseId.slice(0, 8)}…</span>`) : '–'}</td>
      <td>${r.detail ?? ''}</td>
      <td class="nowrap">${shortTrail(r.trail)} ${r.seq === null ? html`<span class="muted">(ej länkad än)</span>` : r.seq}</td>
    </tr>`)}
  </tbody>
</table></div>`;
}

/** The trail's short name in the table; the chain check page names them in full (TRAIL_LABELS). */
function shortTrail(trail: string): string {
  return trail === 'guardian-block' ? 'Vårdnadshavare' : trail === 'intake' ? 'Ärenden' : trail;
}

/** A resident's next page is asked by POST (the number stays out of the URL); anything else is a link. */
function moreView(p: AuditSearchPage, cursor: string, byResident: boolean): SafeHtml {
  if (!byResident) return html`<p><a class="button secondary-on-white" href="${searchLink(SEARCH_PATH, p.values, cursor)}">Visa fler</a></p>`;
  return html`<form method="post" action="${SEARCH_PATH}">
${csrfField(p.csrfToken)}
${hiddenFilters(p.values)}
<input type="hidden" name="cursor" value="${cursor}">
<p><button type="submit" class="button secondary-on-white">Visa fler</button></p>
</form>`;
}

function hiddenFilters(values: AuditFormValues): SafeHtml[] {
  return (Object.keys(AUDIT_FIELDS) as AuditField[]).filter((f) => values[f] !== undefined).map((f) => html`<input type="hidden" name="${f}" value="${values[f] ?? ''}">`);
}

/** The extract of the whole search (up to 10 000 records) as a CSV file. */
function exportView(p: AuditSearchPage, byResident: boolean): SafeHtml {
  const intro = html`<h3>Loggutdrag</h3>
<p>Hela sökningens loggposter som en CSV-fil (högst 10 000 poster), till exempel för en invånares begäran om loggutdrag. Invånaren står i filen bara som en pseudonym.</p>`;
  if (!byResident) return html`${intro}<p><a class="button secondary-on-white" href="${searchLink(EXPORT_PATH, p.values)}" download>Ladda ner loggutdrag (CSV)</a></p>`;
  return html`${intro}<form method="post" action="${EXPORT_PATH}">
${csrfField(p.csrfToken)}
${hiddenFilters(p.values)}
<p><button type="submit" class="button secondary-on-white">Ladda ner loggutdrag (CSV)</button></p>
</form>`;
}
