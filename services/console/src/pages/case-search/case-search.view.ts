import type { CaseSummaryView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { csrfField, errorSummary, textField } from '../../views/form';
import { CASE_TYPE_LABELS, STATUS_LABELS, swedishTime } from '../../views/labels';

export const SEARCH_PATH = '/sok-arende';

/**
 * The search field of the desk's pages. A POST, although a registry number is no personal data: what
 * is typed into a search field (a personnummer by mistake) must never land in a URL or a log of URLs.
 */
export function registrySearchForm(o: { csrfToken: string; value?: string; error?: string; headingLevel?: 2 | 3 }): SafeHtml {
  const heading = o.headingLevel === 3 ? html`<h3 id="s-search">Hitta ärende</h3>` : html`<h2 id="s-search">Hitta ärende</h2>`;
  return html`<section aria-labelledby="s-search" class="search">
${heading}
<form method="post" action="${SEARCH_PATH}" role="search" aria-labelledby="s-search" class="search-row" novalidate>
${csrfField(o.csrfToken)}
${textField({ name: 'diarienummer', label: 'Diarienummer', value: o.value ?? '', error: o.error, hint: 'Till exempel VGR-2026-000123', width: 'medium', autocomplete: 'off', required: true })}
<div class="field"><button type="submit" class="button">Sök</button></div>
</form>
</section>`;
}

/** `vgr-2026-000123 ` → `VGR-2026-000123`: as staff type it. */
export function normaliseRegistryNumber(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

export function caseSearchView(o: { csrfToken: string; value: string; error?: string; items?: CaseSummaryView[] }): SafeHtml {
  return html`<h1>Hitta ärende</h1>
<p class="lead">Sök ett ärende på dess diarienummer. En exakt träff öppnar ärendet.</p>
${o.error ? errorSummary({ diarienummer: o.error }, [], { diarienummer: 'Diarienummer' }) : null}
${registrySearchForm({ csrfToken: o.csrfToken, value: o.value, error: o.error })}
${o.items === undefined
  ? null
  : html`<div role="status">${o.items.length === 0
      ? html`<p id="search-result">Inget ärende med diarienummer ${o.value} som du har behörighet att se.</p>`
      : html`<p id="search-result">${o.items.length} ärenden.</p>
<ul>${o.items.map((c) => html`<li><a href="/arenden/${c.id}">${c.registryNumber}</a> · ${CASE_TYPE_LABELS[c.type] ?? c.type} · ${STATUS_LABELS[c.status] ?? c.status} · ${swedishTime(c.createdAt)}</li>`)}</ul>`}</div>`}`;
}
