import { SafeHtml, html } from '../../views/html';
import { choiceGroup, csrfField, errorSummary, selectField, textArea, textField } from '../../views/form';
import { CHANNEL_LABELS, DECISION_ROLE_LABELS, INITIATOR_LABELS, LOCK_REASON_LABELS } from '../../views/labels';
import { FormProblems } from '../../gateway/problem-messages';
import { LOCK_FIELDS, LockField, LockFormValues } from './new-lock.form';

const DATE_HINT = 'Datum och tid, till exempel 2026-11-20 09:30';

/** The lock request form, in the order of the paper form; problems beside their fields and summarised on top. */
export function newLockView(values: LockFormValues, problems: FormProblems, csrfToken: string): SafeHtml {
  const v = (f: LockField) => values[f] ?? '';
  const e = (f: LockField) => problems.fields[f];
  const field = (name: LockField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label: LOCK_FIELDS[name], value: v(name), error: e(name), required: true, ...extra });
  return html`<h1>Begär låsning av inloggning</h1>
<p class="lead">Begär att invånarens inloggning till 1177 e-tjänster låses. Fälten följer blanketten; servicedesken kontrollerar uppgifterna mot folkbokföringen och HSA-katalogen innan låsningen utförs.</p>
${errorSummary(problems.fields, problems.general, LOCK_FIELDS)}
<form method="post" action="/arenden/ny-lasning" novalidate>
${csrfField(csrfToken)}
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">

<section aria-labelledby="s-resident"><h2 id="s-resident">Invånare</h2>
${field('resident.personnummer', { hint: '12 siffror, ÅÅÅÅMMDDNNNN', width: 'medium', autocomplete: 'off', inputmode: 'numeric' })}
${field('resident.name', { autocomplete: 'off' })}
</section>

<section aria-labelledby="s-request"><h2 id="s-request">Begäran</h2>
${choiceGroup({ name: 'channel', legend: LOCK_FIELDS.channel, options: { FORM: CHANNEL_LABELS.FORM, E_FORM: CHANNEL_LABELS.E_FORM }, values: [v('channel')], error: e('channel'), hint: 'Nödlåsning per telefon registreras av servicedesken.' })}
${selectField({ name: 'initiator.kind', label: LOCK_FIELDS['initiator.kind'], options: INITIATOR_LABELS, value: v('initiator.kind'), error: e('initiator.kind') })}
${textArea({ name: 'initiator.description', label: LOCK_FIELDS['initiator.description'], value: v('initiator.description'), error: e('initiator.description'), hint: 'Till exempel närstående, god man eller polis: vem och hur de nås.' })}
</section>

<section aria-labelledby="s-decision"><h2 id="s-decision">Beslut (R1, R2)</h2>
${field('decision.decidedBy.hsaId', { width: 'medium' })}
${field('decision.decidedBy.name')}
${selectField({ name: 'decision.decidedBy.role', label: LOCK_FIELDS['decision.decidedBy.role'], options: DECISION_ROLE_LABELS, value: v('decision.decidedBy.role'), error: e('decision.decidedBy.role') })}
${field('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${choiceGroup({ name: 'decision.reasons', legend: LOCK_FIELDS['decision.reasons'], hint: 'Välj ett eller flera.', options: LOCK_REASON_LABELS, multiple: true, values: values.reasons, error: e('decision.reasons') })}
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
${field('requestingUnit.headEmail', { type: 'email', hint: 'Dit återkopplingen skickas när låsningen är utförd.', autocomplete: 'email' })}
</section>

<p><button type="submit" class="button">Skicka begäran</button></p>
</form>`;
}
