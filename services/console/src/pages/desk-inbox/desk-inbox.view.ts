import type { StaffToolAction, WorkItemKind, WorkItemView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { choiceGroup, csrfField, errorSummary, textArea, textField } from '../../views/form';
import { CASE_TYPE_LABELS, MANUAL_RESULT_LABELS, WORK_ITEM_KIND_LABELS, ageText, swedishTime } from '../../views/labels';
import { FormProblems } from '../../gateway/problem-messages';
import { registrySearchForm } from '../case-search/case-search.view';
import { COMPLETED_ON_ITEM, InboxGroups, KIND_ORDER, WORK_ITEM_FIELDS, WorkItemField, WorkItemFormValues, isUrgent, resultsFor } from './desk-inbox.form';

export const INBOX_PATH = '/inkorg';

/** The marks of an item: urgent, escalated, protected identity (the mark only: nothing of what it hides). */
function marks(item: WorkItemView): SafeHtml {
  return html`${isUrgent(item) ? html`<span class="tag tag-urgent">Brådskande</span>` : null}${item.escalated ? html`<span class="tag tag-escalated">Eskalerad</span>` : null}${item.protectedIdentity
    ? html`<span class="tag tag-protected">Skyddad identitet</span>`
    : null}`;
}

function itemTable(id: string, caption: string, items: WorkItemView[], now: Date): SafeHtml {
  return html`<table class="timeline" id="${id}">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr><th scope="col">Uppgift</th><th scope="col">Slag</th><th scope="col">Ålder</th><th scope="col">Markering</th></tr></thead>
  <tbody>
    ${items.map(
      (item) => html`<tr>
      <th scope="row"><a href="${INBOX_PATH}/${item.id}">${item.title}</a></th>
      <td>${WORK_ITEM_KIND_LABELS[item.kind] ?? item.kind}</td>
      <td><span title="${swedishTime(item.createdAt)}">${ageText(item.createdAt, now)}</span></td>
      <td>${marks(item)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

export interface InboxPage {
  groups: InboxGroups;
  count: number;
  kind: WorkItemKind | null;
  /** The href of the next page, when the list was cut. */
  moreHref: string | null;
  /** What was just done (after a redirect), for the status region. */
  done: string | null;
  csrfToken: string;
  now: Date;
}

export function inboxView(p: InboxPage): SafeHtml {
  const filterLink = (kind: WorkItemKind | null, text: string) => {
    const href = kind ? `${INBOX_PATH}?slag=${kind}` : INBOX_PATH;
    return html`<li><a href="${href}"${p.kind === kind ? html` aria-current="true"` : null}>${text}</a></li>`;
  };
  return html`<h1>Inkorg</h1>
<p class="lead">Servicedeskens arbetsuppgifter i din region. Brådskande och eskalerade först, sedan efter slag, äldst först.</p>
<div role="status" id="inbox-status">${p.done ? html`<p class="notice">${p.done}</p>` : null}</div>
${registrySearchForm({ csrfToken: p.csrfToken })}
<nav aria-labelledby="s-filter"><h2 id="s-filter">Visa</h2>
<ul class="inline-list">
  ${filterLink(null, 'Alla slag')}
  ${KIND_ORDER.map((k) => filterLink(k, WORK_ITEM_KIND_LABELS[k]))}
</ul></nav>
${p.count === 0 ? html`<p id="inbox-empty">Inga öppna arbetsuppgifter${p.kind ? html` av slaget ${WORK_ITEM_KIND_LABELS[p.kind].toLowerCase()}` : null}.</p>` : null}
${p.groups.first.length > 0
  ? html`<section aria-labelledby="s-first"><h2 id="s-first">Brådskande och eskalerade (${p.groups.first.length})</h2>
${itemTable('items-first', 'Brådskande och eskalerade arbetsuppgifter', p.groups.first, p.now)}</section>`
  : null}
${p.groups.byKind.map(
  (g) => html`<section aria-labelledby="s-${g.kind.toLowerCase()}"><h2 id="s-${g.kind.toLowerCase()}">${WORK_ITEM_KIND_LABELS[g.kind]} (${g.items.length})</h2>
${itemTable(`items-${g.kind.toLowerCase()}`, WORK_ITEM_KIND_LABELS[g.kind], g.items, p.now)}</section>`,
)}
${p.moreHref ? html`<p><a href="${p.moreHref}" id="inbox-more">Visa fler</a> <span class="muted">Listan är avkortad: fler uppgifter finns.</span></p>` : null}`;
}

/** What to do in the staff tool, step by step, per action. */
const ACTION_STEP: Record<StaffToolAction, string> = {
  LOGIN_LOCK: 'Lås invånarens inloggning till 1177 e-tjänster.',
  LOGIN_UNLOCK: 'Lås upp invånarens inloggning till 1177 e-tjänster.',
  JOURNAL_SEAL: 'Försegla journalen i den omfattning som anges nedan.',
  JOURNAL_UNSEAL: 'Häv förseglingen av journalen.',
  GUARDIAN_BLOCK: 'Blockera vårdnadshavarnas åtkomst till barnets journal och e-tjänster.',
  GUARDIAN_UNBLOCK: 'Häv blockeringen av vårdnadshavarna.',
};

/** Where an item completed on its case is done: the desk's action pages of the case. */
export function caseActionsFor(item: WorkItemView): Array<{ href: string; text: string }> {
  const base = `/arenden/${item.caseId}/servicedesk`;
  switch (item.kind) {
    case 'MANUAL_VERIFICATION':
      return [{ href: `${base}/verifiering`, text: 'Registrera verifieringen på ärendet' }];
    case 'PAPERWORK':
      return [{ href: `${base}/blankett`, text: 'Registrera den inkomna blanketten' }];
    case 'EMERGENCY_CALL':
      return [
        { href: `${base}/komplettering`, text: 'Komplettera ärendet efter samtalet' },
        { href: `${base}/makulera`, text: 'Makulera ärendet' },
      ];
    default:
      return [];
  }
}

/** The steps, in Swedish, from what the item carries (its kind, action and the API's own details). */
export function stepsFor(item: WorkItemView): string[] {
  switch (item.kind) {
    case 'MANUAL_EXECUTION':
      return [
        'Öppna 1177 e-tjänster personalverktyg och sök fram invånaren med uppgifterna ovan.',
        item.action ? ACTION_STEP[item.action] : 'Utför åtgärden i ärendet.',
        ...(item.action === 'LOGIN_LOCK' ? ['Var inloggningen redan låst: notera vilken region verktyget anger ("låst på begäran av Region X"). Bara den regionen kan låsa upp (R10).'] : []),
        ...(item.action === 'LOGIN_LOCK' || item.action === 'LOGIN_UNLOCK'
          ? ['Saknar invånaren eget konto på 1177 finns inget att låsa: kvittera det (R16).']
          : ['Åtgärden gäller även invånare utan eget konto på 1177.']),
        'Kvittera nedan med vad verktyget visade och när.',
      ];
    case 'FAILED_EXECUTION':
      return [
        'Personalverktyget kunde inte utföra åtgärden. Titta i verktyget om åtgärden ändå syns.',
        'Välj "Försök igen" om felet var tillfälligt: åtgärden skickas till verktyget på nytt.',
        'Välj "Avsluta ärendet" om åtgärden inte kan utföras: verksamhetschefen får besked att åtgärden INTE är utförd.',
      ];
    case 'UNKNOWN_EXECUTION':
      return [
        'Svaret från personalverktyget kom aldrig fram och kontot gick inte att läsa av: det är okänt om åtgärden blev utförd.',
        'Titta i personalverktyget och kvittera nedan vad det visar nu. Tiden är när du tittade.',
        'Ärendet kan inte avslutas som ej utfört förrän du har kvitterat att åtgärden inte är utförd. "Försök igen" skickar åtgärden på nytt.',
      ];
    case 'MANUAL_VERIFICATION':
      return [
        'Ring undertecknaren på ett nummer som du tar från HSA-katalogen, inte ett nummer från blanketten eller den som ringer.',
        'Kontrollera att hen har skrivit under och känner till ärendet.',
        'Registrera samtalet på ärendet: verifierad eller inte verifierad. Svarar inte personalkatalogen vid en nödspärr får du verkställa på eget dokumenterat omdöme (R12).',
      ];
    case 'PAPERWORK':
      return [
        'Blanketten som ska följa nödspärren har inte kommit in (R12). Låsningen gäller under tiden.',
        'Påminn den begärande enheten. När blanketten kommer: registrera den på ärendet, så kontrolleras den som en inskickad blankett.',
      ];
    case 'EMERGENCY_CALL':
      return [
        'Nödspärren har inte skickats till personalverktyget: uppgifterna om samtalet kunde inte bekräftas (skälen står nedan).',
        'Ring upp beslutsfattaren på numret i HSA-katalogen och komplettera ärendet med rätt uppgifter; katalogen frågas igen.',
        'Var samtalet inte äkta: makulera ärendet.',
      ];
    default:
      return [];
  }
}

export interface ItemPage {
  item: WorkItemView;
  values: WorkItemFormValues;
  problems: FormProblems;
  csrfToken: string;
  now: Date;
}

function resultForm(p: ItemPage): SafeHtml {
  const { item, values } = p;
  const e = (f: WorkItemField) => (values.mode === 'result' ? p.problems.fields[f] : undefined);
  const v = (f: WorkItemField) => (values.mode === 'result' ? (values[f] ?? '') : '');
  const results = Object.fromEntries(resultsFor(item.action).map((r) => [r, MANUAL_RESULT_LABELS[r]]));
  return html`<form method="post" action="${INBOX_PATH}/${item.id}" novalidate>
${csrfField(p.csrfToken)}
<input type="hidden" name="mode" value="result">
${choiceGroup({ name: 'result', legend: WORK_ITEM_FIELDS.result, options: results, values: [v('result')], error: e('result') })}
${textField({ name: 'executedAt', label: WORK_ITEM_FIELDS.executedAt, value: v('executedAt'), error: e('executedAt'), hint: 'Datum och tid, till exempel 2026-11-20 09:30', width: 'medium', autocomplete: 'off', required: true })}
${textArea({ name: 'observed', label: WORK_ITEM_FIELDS.observed, value: v('observed'), error: e('observed'), hint: 'Till exempel: "Kontot visas som låst på begäran av Region Västra Götaland."', required: true })}
${item.action === 'LOGIN_LOCK'
  ? textField({ name: 'lockedByRegion', label: WORK_ITEM_FIELDS.lockedByRegion, value: v('lockedByRegion'), error: e('lockedByRegion'), hint: 'Fyll i om inloggningen redan var låst: regionens kod som verktyget anger, till exempel KRONOBERG (R10).', width: 'medium', autocomplete: 'off' })
  : null}
${textArea({ name: 'note', label: WORK_ITEM_FIELDS.note, value: v('note'), error: e('note') })}
<p><button type="submit" class="button">Kvittera</button></p>
</form>`;
}

function resolutionForm(p: ItemPage): SafeHtml {
  const { item, values } = p;
  const e = (f: WorkItemField) => (values.mode === 'resolution' ? p.problems.fields[f] : undefined);
  const v = (f: WorkItemField) => (values.mode === 'resolution' ? (values[f] ?? '') : '');
  return html`<form method="post" action="${INBOX_PATH}/${item.id}" novalidate>
${csrfField(p.csrfToken)}
<input type="hidden" name="mode" value="resolution">
${choiceGroup({ name: 'resolution', legend: WORK_ITEM_FIELDS.resolution, options: { RETRY: 'Försök igen: skicka åtgärden till personalverktyget på nytt', CLOSE: 'Avsluta ärendet: åtgärden är INTE utförd' }, values: [v('resolution')], error: e('resolution') })}
${textArea({ name: 'note', label: WORK_ITEM_FIELDS.note, value: v('note'), error: e('note'), hint: 'Skickas med beskedet till verksamhetschefen när ärendet avslutas.' })}
<p><button type="submit" class="button">Spara</button></p>
</form>`;
}

function retryForm(p: ItemPage): SafeHtml {
  return html`<form method="post" action="${INBOX_PATH}/${p.item.id}">
${csrfField(p.csrfToken)}
<input type="hidden" name="mode" value="resolution">
<input type="hidden" name="resolution" value="RETRY">
<p><button type="submit" class="button secondary">Försök igen: skicka åtgärden på nytt</button></p>
</form>`;
}

export function itemView(p: ItemPage): SafeHtml {
  const { item } = p;
  const subject = item.subject;
  const links = caseActionsFor(item);
  return html`<h1>${item.title}</h1>
<p class="lead">${WORK_ITEM_KIND_LABELS[item.kind] ?? item.kind} ${marks(item)}</p>
${errorSummary(p.problems.fields, p.problems.general, WORK_ITEM_FIELDS)}
${item.protectedIdentity
  ? html`<p class="notice" id="protected-notice"><strong>Skyddad identitet.</strong> Lämna inga uppgifter om invånaren till någon som ringer, och skriv inget i anteckningarna som kan avslöja var hen finns.</p>`
  : null}
<section aria-labelledby="s-facts" class="panel"><h2 id="s-facts">Uppgifter</h2>
<dl class="facts">
  <dt>Ärende</dt><dd><a href="/arenden/${item.caseId}">${item.registryNumber}</a></dd>
  ${item.action ? html`<dt>Åtgärd</dt><dd>${CASE_TYPE_LABELS[item.action] ?? item.action}</dd>` : null}
  <dt>Inkom</dt><dd>${swedishTime(item.createdAt)} (${ageText(item.createdAt, p.now)} sedan)</dd>
  ${subject ? html`<dt>Personnummer</dt><dd id="subject-personnummer">${subject.personnummer}</dd>` : null}
  ${subject?.guardianPersonnummer?.length ? html`<dt>Vårdnadshavare</dt><dd>${subject.guardianPersonnummer.join(', ')}</dd>` : null}
</dl>
</section>
<section aria-labelledby="s-todo" class="panel"><h2 id="s-todo">Gör så här</h2>
<ol id="item-steps">${stepsFor(item).map((s) => html`<li>${s}</li>`)}</ol>
${item.details.length > 0 ? html`<h3>Från ärendet</h3><ul id="item-details">${item.details.map((d) => html`<li>${d}</li>`)}</ul>` : null}
</section>
<section aria-labelledby="s-record" class="panel"><h2 id="s-record">${COMPLETED_ON_ITEM.includes(item.kind) ? 'Kvittera' : 'Utförs på ärendet'}</h2>
${item.kind === 'MANUAL_EXECUTION' ? resultForm(p) : null}
${item.kind === 'UNKNOWN_EXECUTION' ? html`${resultForm(p)}${retryForm(p)}` : null}
${item.kind === 'FAILED_EXECUTION' ? resolutionForm(p) : null}
${links.length > 0
  ? html`<p>Uppgiften stängs när ärendet har fått det som saknas.</p><ul class="inline-list">${links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}</ul>`
  : null}
</section>
<p><a href="${INBOX_PATH}">Tillbaka till inkorgen</a></p>`;
}
