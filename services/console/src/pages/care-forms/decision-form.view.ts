import { FormProblems } from '../../gateway/problem-messages';
import { choiceGroup, csrfField, errorSummary, selectField, textArea, textField } from '../../views/form';
import { SafeHtml, html } from '../../views/html';
import { CHANNEL_LABELS, DECISION_ROLE_LABELS, INITIATOR_LABELS } from '../../views/labels';
import { CareFormValues, LOCK_FIELDS, LockField } from './decision-form';

export const DATE_HINT = 'Datum och tid, till exempel 2026-11-20 09:30';

export interface DecisionFormOptions {
  heading: string;
  /** What the request does and what happens next, in a sentence or two. */
  lead: SafeHtml | string;
  action: string;
  values: CareFormValues;
  problems: FormProblems;
  csrfToken: string;
  /** All the form's fields and their labels (the lock form's and the extras). */
  labels: Readonly<Record<string, string>>;
  reasonOptions: Readonly<Record<string, string>>;
  reasonsLegend: string;
  reasonsHint: string;
  /** A section of the form's own, after the request and before the decision (the lock lifted, the seal's scope). */
  ownSection?: SafeHtml;
  submitLabel: string;
}

/**
 * A decision's form in the order of the paper form, as the lock form (pages/new-lock): the resident,
 * the request, what is particular to this form, the decision (R1, R2), the patient's information (R3),
 * the signature and the requesting unit (R8). Problems beside their fields and summarised on top.
 */
export function decisionFormView(o: DecisionFormOptions): SafeHtml {
  const { values, problems } = o;
  const v = (f: LockField) => values[f] ?? '';
  const e = (f: LockField) => problems.fields[f];
  const field = (name: LockField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label: LOCK_FIELDS[name], value: v(name), error: e(name), required: true, ...extra });
  return html`<h1>${o.heading}</h1>
<p class="lead">${o.lead}</p>
${errorSummary(problems.fields, problems.general, o.labels)}
<form method="post" action="${o.action}" novalidate>
${csrfField(o.csrfToken)}
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">

<section aria-labelledby="s-resident"><h2 id="s-resident">Invånare</h2>
${field('resident.personnummer', { hint: '12 siffror, ÅÅÅÅMMDDNNNN', width: 'medium', autocomplete: 'off', inputmode: 'numeric' })}
${field('resident.name', { autocomplete: 'off' })}
</section>

<section aria-labelledby="s-request"><h2 id="s-request">Begäran</h2>
${choiceGroup({ name: 'channel', legend: LOCK_FIELDS.channel, options: { FORM: CHANNEL_LABELS.FORM, E_FORM: CHANNEL_LABELS.E_FORM }, values: [v('channel')], error: e('channel') })}
${selectField({ name: 'initiator.kind', label: LOCK_FIELDS['initiator.kind'], options: INITIATOR_LABELS, value: v('initiator.kind'), error: e('initiator.kind') })}
${textArea({ name: 'initiator.description', label: LOCK_FIELDS['initiator.description'], value: v('initiator.description'), error: e('initiator.description'), hint: 'Till exempel närstående, god man eller polis: vem och hur de nås.' })}
</section>
${o.ownSection ?? null}
<section aria-labelledby="s-decision"><h2 id="s-decision">Beslut (R1, R2)</h2>
${field('decision.decidedBy.hsaId', { width: 'medium' })}
${field('decision.decidedBy.name')}
${selectField({ name: 'decision.decidedBy.role', label: LOCK_FIELDS['decision.decidedBy.role'], options: DECISION_ROLE_LABELS, value: v('decision.decidedBy.role'), error: e('decision.decidedBy.role') })}
${field('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${choiceGroup({ name: 'decision.reasons', legend: o.reasonsLegend, hint: o.reasonsHint, options: { ...o.reasonOptions }, multiple: true, values: values.reasons, error: e('decision.reasons') })}
${textArea({ name: 'decision.motivation', label: LOCK_FIELDS['decision.motivation'], value: v('decision.motivation'), error: e('decision.motivation'), required: true })}
${field('decision.journalNoteRef', { hint: 'Var bedömning, motiv och beslut är dokumenterade.' })}
${field('decision.chiefPhysicianInformedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</section>

<section aria-labelledby="s-patient"><h2 id="s-patient">Information till patienten (R3)</h2>
${choiceGroup({ name: 'patientInformed.informed', legend: LOCK_FIELDS['patientInformed.informed'], options: { yes: 'Ja', no: 'Nej' }, values: [v('patientInformed.informed')], error: e('patientInformed.informed') })}
${textArea({ name: 'patientInformed.reasonIfNot', label: LOCK_FIELDS['patientInformed.reasonIfNot'], value: v('patientInformed.reasonIfNot'), error: e('patientInformed.reasonIfNot'), hint: 'Fyll i om patienten inte har informerats.' })}
</section>

<section aria-labelledby="s-signature"><h2 id="s-signature">Underskrift</h2>
${field('signature.signedBy', { width: 'medium' })}
${field('signature.signedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</section>

<section aria-labelledby="s-unit"><h2 id="s-unit">Begärande enhet (R8)</h2>
${field('requestingUnit.hsaId', { width: 'medium' })}
${field('requestingUnit.name')}
${field('requestingUnit.headEmail', { type: 'email', hint: 'Dit återkopplingen skickas när åtgärden är utförd.', autocomplete: 'email' })}
</section>

<p><button type="submit" class="button">${o.submitLabel}</button></p>
</form>`;
}
