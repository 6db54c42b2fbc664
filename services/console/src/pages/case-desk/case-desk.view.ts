import type { CaseView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { choiceGroup, csrfField, errorSummary, selectField, textArea, textField } from '../../views/form';
import { DECISION_ROLE_LABELS, LOCK_REASON_LABELS, PAPERWORK_LABELS, STATUS_LABELS } from '../../views/labels';
import { FormProblems } from '../../gateway/problem-messages';
import { COMPLETION_FIELDS, DeskAction, DeskForm, FIELDS_OF, PAPERWORK_FIELDS, REGISTRY_REFERENCE_FIELDS, VERIFICATION_FIELDS, VOID_FIELDS, actionsFor } from './case-desk.form';

const DATE_HINT = 'Datum och tid, till exempel 2026-11-20 09:30';

export const ACTION_TITLES: Record<DeskAction, string> = {
  verifiering: 'Registrera verifiering per telefon',
  blankett: 'Registrera blanketten efter nödspärren',
  komplettering: 'Komplettera ärendet',
  makulera: 'Makulera ärendet',
  diarienummer: 'Registrera regionens diarienummer',
};

const ACTION_TEXTS: Record<DeskAction, string> = {
  verifiering: 'Resultatet av ditt samtal med undertecknaren, på ett nummer från HSA-katalogen (R4). Vid en nödspärr när personalkatalogen inte svarar: ditt eget dokumenterade omdöme (R12).',
  blankett: 'Blanketten som följer nödspärren (R12). Den kontrolleras sedan som en inskickad blankett; låsningen gäller under tiden.',
  komplettering: 'Det som returen efterfrågade (R4), eller för en nödspärr som inte verkställts: rätt uppgifter om samtalet efter att du ringt upp på numret i HSA-katalogen (R12).',
  makulera: 'Ett felaktigt registrerat ärende makuleras innan det nått personalverktyget. Det är inte en upplåsning (R11). Verksamhetschefen får besked.',
  diarienummer: 'Ärendets nummer i regionens eget diarium, till exempel Plexus (R6).',
};

/** What was just done, for the status region after the redirect. */
export const DONE_TEXTS: Record<DeskAction, string> = {
  verifiering: 'Verifieringen är registrerad.',
  blankett: 'Blanketten är registrerad och kontrolleras nu.',
  komplettering: 'Kompletteringen är registrerad och kontrolleras nu.',
  makulera: 'Ärendet är makulerat.',
  diarienummer: 'Diarienumret är registrerat.',
};

export function deskBase(c: { id: string }): string {
  return `/arenden/${c.id}/servicedesk`;
}

/** The desk's actions on one case: what fits its state now, and what was just done. */
export function deskOverview(c: CaseView, done: DeskAction | null): SafeHtml {
  const actions = actionsFor(c);
  return html`<h1>Servicedeskens åtgärder: ${c.registryNumber}</h1>
<p class="lead">Status: <span class="status status-${c.status.toLowerCase()}" id="desk-case-status">${STATUS_LABELS[c.status] ?? c.status}</span> · Blankett: ${PAPERWORK_LABELS[c.paperwork] ?? c.paperwork}${c.registryReference ? html` · ${c.registryReference.system} ${c.registryReference.reference}` : null}</p>
<div role="status" id="desk-status">${done ? html`<p class="notice">${DONE_TEXTS[done]}</p>` : null}</div>
<ul class="cards">
  ${actions.map((a) => html`<li class="card"><h2><a href="${deskBase(c)}/${a}">${ACTION_TITLES[a]}</a></h2><p>${ACTION_TEXTS[a]}</p></li>`)}
</ul>
<p><a href="/arenden/${c.id}">Till ärendet</a></p>`;
}

export interface DeskFormPage {
  action: DeskAction;
  c: CaseView;
  form: DeskForm;
  problems: FormProblems;
  csrfToken: string;
}

export function deskFormView(p: DeskFormPage): SafeHtml {
  const labels = FIELDS_OF[p.action];
  return html`<h1>${ACTION_TITLES[p.action]}</h1>
<p class="lead">Ärende <a href="/arenden/${p.c.id}">${p.c.registryNumber}</a> · ${STATUS_LABELS[p.c.status] ?? p.c.status}. ${ACTION_TEXTS[p.action]}</p>
${errorSummary(p.problems.fields, p.problems.general, labels)}
<form method="post" action="${deskBase(p.c)}/${p.action}" novalidate>
${csrfField(p.csrfToken)}
${FORM_BODY[p.action](p)}
<p class="actions"><button type="submit" class="button">${ACTION_TITLES[p.action]}</button> <a href="${deskBase(p.c)}">Avbryt</a></p>
</form>`;
}

type Field = Partial<Parameters<typeof textField>[0]>;

function helpers(p: DeskFormPage, labels: Readonly<Record<string, string>>) {
  const v = (f: string) => p.form.values[f] ?? '';
  const e = (f: string) => p.problems.fields[f];
  const text = (name: string, extra: Field = {}) => textField({ name, label: labels[name] ?? name, value: v(name), error: e(name), required: true, ...extra });
  const area = (name: string, required = true, hint?: string) => textArea({ name, label: labels[name] ?? name, value: v(name), error: e(name), required, hint });
  return { v, e, text, area };
}

const FORM_BODY: Record<DeskAction, (p: DeskFormPage) => SafeHtml> = {
  verifiering: (p) => {
    const { v, e, text, area } = helpers(p, VERIFICATION_FIELDS);
    return html`${choiceGroup({ name: 'outcome', legend: VERIFICATION_FIELDS.outcome, options: { VERIFIED: 'Verifierad: undertecknaren bekräftade', NOT_VERIFIED: 'Inte verifierad' }, values: [v('outcome')], error: e('outcome') })}
${text('calledAt', { hint: `${DATE_HINT}. Behövs inte när du verkställer på eget omdöme.`, width: 'medium', autocomplete: 'off', required: false })}
${area('note')}
${area('judgement', false, 'Bara vid nödspärr när personalkatalogen inte svarar: varför du verkställer utan att katalogen bekräftat (R12).')}`;
  },
  blankett: (p) => {
    const { v, e, text, area } = helpers(p, PAPERWORK_FIELDS);
    const fromResident = p.c.paperworkSender === 'RESIDENT';
    return html`${text('receivedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
<fieldset><legend>Invånaren enligt blanketten</legend>
${text('resident.personnummer', { hint: '12 siffror, som på blanketten; måste vara ärendets invånare. Fyll i både personnummer och namn, eller lämna båda tomma: då kontrolleras ärendets egna uppgifter.', width: 'medium', autocomplete: 'off', inputmode: 'numeric', required: false })}
${text('resident.name', { autocomplete: 'off', required: false })}
</fieldset>
${fromResident
  ? html`<p class="notice">Invånaren skickar blanketten själv (låsning på egen begäran): den har ingen underskrift av personal eller beslut.</p>`
  : html`<fieldset><legend>Beslut (R1, R2)</legend>
${text('decision.decidedBy.hsaId', { width: 'medium' })}
${text('decision.decidedBy.name')}
${selectField({ name: 'decision.decidedBy.role', label: PAPERWORK_FIELDS['decision.decidedBy.role'], options: DECISION_ROLE_LABELS, value: v('decision.decidedBy.role'), error: e('decision.decidedBy.role') })}
${text('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${choiceGroup({ name: 'decision.reasons', legend: PAPERWORK_FIELDS['decision.reasons'], hint: 'Välj ett eller flera.', options: LOCK_REASON_LABELS, multiple: true, values: p.form.reasons, error: e('decision.reasons') })}
${area('decision.motivation')}
${text('decision.journalNoteRef')}
${text('decision.chiefPhysicianInformedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</fieldset>
${choiceGroup({ name: 'patientInformed.informed', legend: PAPERWORK_FIELDS['patientInformed.informed'], options: { yes: 'Ja', no: 'Nej' }, values: [v('patientInformed.informed')], error: e('patientInformed.informed') })}
${area('patientInformed.reasonIfNot', false, 'Fyll i om patienten inte har informerats.')}
<fieldset><legend>Underskrift</legend>
${text('signature.signedBy', { width: 'medium' })}
${text('signature.signedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</fieldset>`}
${area('note', false)}`;
  },
  komplettering: (p) => {
    const { text, area } = helpers(p, COMPLETION_FIELDS);
    const emergency = p.c.channel === 'EMERGENCY_PHONE';
    return html`${emergency
      ? html`<fieldset><legend>Nödsamtalet (R12)</legend>
<p class="hint">Den som ringde, och numret du ringde tillbaka på: ett nummer från HSA-katalogen, inte ett som den som ringde uppgav.</p>
${text('emergencyCall.caller.hsaId', { width: 'medium' })}
${text('emergencyCall.caller.name')}
${text('emergencyCall.callBack.number', { type: 'tel', width: 'medium', autocomplete: 'off' })}
${text('emergencyCall.callBack.calledAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</fieldset>`
      : html`<fieldset><legend>Underskrift (R4)</legend>
<p class="hint">Fyll i om returen gällde underskriften; lämna tomt annars.</p>
${text('signature.signedBy', { width: 'medium', required: false })}
${text('signature.signedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off', required: false })}
</fieldset>`}
${area('comment', false)}`;
  },
  makulera: (p) => {
    const { area } = helpers(p, VOID_FIELDS);
    return html`${area('reason', true, 'Till exempel: fel personnummer, eller samtalet var inte äkta. Skälet skickas till verksamhetschefen.')}`;
  },
  diarienummer: (p) => {
    const { text } = helpers(p, REGISTRY_REFERENCE_FIELDS);
    return html`${text('system', { width: 'medium', hint: 'Plexus om inget anges.', required: false })}
${text('reference', { width: 'medium', autocomplete: 'off', hint: 'Numret som diariet gav, till exempel PLX-2026-0042. Aldrig ett personnummer.' })}`;
  },
};
