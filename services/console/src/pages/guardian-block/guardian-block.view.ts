import type { GuardianBlockView } from '@accessdesk/contracts';
import { FormProblems } from '../../gateway/problem-messages';
import { choiceGroup, csrfField, errorSummary, fieldId, textArea, textField } from '../../views/form';
import { SafeHtml, html } from '../../views/html';
import { CHANNEL_LABELS, LOCK_REASON_LABELS, swedishTime } from '../../views/labels';
import { GUARDIAN_BLOCK_STATUS_LABELS } from '../care-forms/care-labels';
import { DATE_HINT } from '../care-forms/decision-form.view';
import { GUARDIAN_BLOCK_FIELDS, GuardianBlockField, GuardianBlockFormValues } from './guardian-block.form';

export const GUARDIAN_BLOCK_PATH = '/vardnadshavare/blockera';

/** The two guardians' numbers in one fieldset; the first input carries the field's id (the summary links to it). */
function guardiansField(values: GuardianBlockFormValues, error: string | undefined): SafeHtml {
  const id = fieldId('guardians');
  const hintId = `${id}-hint`;
  const by = error ? `${hintId} ${id}-error` : hintId;
  return html`<div class="field${error ? ' has-error' : ''}">
<fieldset aria-describedby="${by}">
  <legend>${GUARDIAN_BLOCK_FIELDS.guardians}</legend>
  <p class="hint" id="${hintId}">En eller två. Vårdnadshavarna kontrolleras mot folkbokföringen (R18).</p>
  ${error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Fel: </span>${error}</p>` : null}
  <div class="field"><label for="${id}">Vårdnadshavare 1, personnummer</label>
  <input class="input medium" id="${id}" name="guardians.0" type="text" inputmode="numeric" autocomplete="off" value="${values.guardian1}" required${error ? html` aria-invalid="true"` : null}></div>
  <div class="field"><label for="${id}-2">Vårdnadshavare 2, personnummer <span class="muted">(frivilligt)</span></label>
  <input class="input medium" id="${id}-2" name="guardians.1" type="text" inputmode="numeric" autocomplete="off" value="${values.guardian2}"></div>
</fieldset>
</div>`;
}

/** The guardian block form, in the order of the paper form (002); problems beside their fields and summarised on top. */
export function guardianBlockFormView(values: GuardianBlockFormValues, problems: FormProblems, csrfToken: string): SafeHtml {
  const v = (f: GuardianBlockField) => values[f] ?? '';
  const e = (f: GuardianBlockField) => problems.fields[f];
  const field = (name: GuardianBlockField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label: GUARDIAN_BLOCK_FIELDS[name], value: v(name), error: e(name), required: true, ...extra });
  return html`<h1>Blockera vårdnadshavare</h1>
<p class="lead">Verksamhetschefens beslut att blockera en eller båda vårdnadshavarnas åtkomst till barnets journal och e-tjänster, där barnet kan ta betydande skada (R18). Barnets inloggning låses samtidigt som ett eget ärende, som låses upp separat senare. Kontaktcentret utför blockeringen och bekräftar till e-postadresserna nedan.</p>
${errorSummary(problems.fields, problems.general, GUARDIAN_BLOCK_FIELDS)}
<form method="post" action="${GUARDIAN_BLOCK_PATH}" novalidate>
${csrfField(csrfToken)}
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">

<section aria-labelledby="s-child"><h2 id="s-child">Barnet och vårdnadshavarna</h2>
${field('child.personnummer', { hint: '12 siffror, ÅÅÅÅMMDDNNNN. Barnet ska vara under 18 år.', width: 'medium', autocomplete: 'off', inputmode: 'numeric' })}
${field('child.name', { autocomplete: 'off' })}
${guardiansField(values, e('guardians'))}
</section>

<section aria-labelledby="s-request"><h2 id="s-request">Begäran</h2>
${choiceGroup({ name: 'channel', legend: GUARDIAN_BLOCK_FIELDS.channel, options: { FORM: CHANNEL_LABELS.FORM, E_FORM: CHANNEL_LABELS.E_FORM }, values: [v('channel')], error: e('channel') })}
${choiceGroup({ name: 'urgent', legend: GUARDIAN_BLOCK_FIELDS.urgent, hint: 'Brådskande begäran ringer verksamhetschefen även in till kontaktcentret.', options: { no: 'Nej', yes: 'Ja, brådskande' }, values: [v('urgent')], error: e('urgent') })}
</section>

<section aria-labelledby="s-decision"><h2 id="s-decision">Verksamhetschefens beslut (R1)</h2>
${field('decision.decidedBy.hsaId', { width: 'medium', hint: 'Bara verksamhetschefen beslutar om blockering av vårdnadshavare.' })}
${field('decision.decidedBy.name')}
${field('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${choiceGroup({ name: 'decision.reasons', legend: GUARDIAN_BLOCK_FIELDS['decision.reasons'], hint: 'Välj de skäl som beslutet vilar på.', options: LOCK_REASON_LABELS, multiple: true, values: values.reasons, error: e('decision.reasons') })}
${textArea({ name: 'decision.motivation', label: GUARDIAN_BLOCK_FIELDS['decision.motivation'], value: v('decision.motivation'), error: e('decision.motivation'), required: true, hint: 'Skrivs in i journalens administrativa anteckning.' })}
${field('decision.journalNoteRef', { required: false })}
${choiceGroup({ name: 'concernReported', legend: GUARDIAN_BLOCK_FIELDS.concernReported, options: { yes: 'En orosanmälan till socialtjänsten har gjorts' }, multiple: true, values: [v('concernReported')], error: e('concernReported') })}
${field('period.from', { required: false, hint: 'Datum, till exempel 2026-12-01. Tomt: från nu.', width: 'medium', autocomplete: 'off' })}
${field('period.to', { required: false, hint: 'Datum. Tomt: tills vidare.', width: 'medium', autocomplete: 'off' })}
${field('guardianInformedBy', { hint: 'Vem som informerar vårdnadshavaren om beslutet, eller varför ingen gör det.' })}
</section>

<section aria-labelledby="s-signature"><h2 id="s-signature">Underskrift</h2>
${field('signature.signedBy', { width: 'medium' })}
${field('signature.signedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</section>

<section aria-labelledby="s-unit"><h2 id="s-unit">Begärande enhet och bekräftelse (R8)</h2>
${field('requestingUnit.hsaId', { width: 'medium' })}
${field('requestingUnit.name')}
${field('requestingUnit.headEmail', { type: 'email', autocomplete: 'email' })}
${textArea({ name: 'confirmationEmails', label: GUARDIAN_BLOCK_FIELDS.confirmationEmails, value: v('confirmationEmails'), error: e('confirmationEmails'), required: true, hint: 'Dit bekräftelsen skickas när blockeringen är utförd. En till fem adresser, en per rad.' })}
</section>

<p><button type="submit" class="button">Skicka beslutet</button></p>
</form>`;
}

/**
 * What the routine gives a clinician or medical lead who sees the need to block a guardian: the unit
 * head alone decides (R1, 002); an urgent request is phoned by the unit head to the contact centre.
 */
export function guardianBlockGuidanceView(): SafeHtml {
  return html`<h1>Blockera vårdnadshavare</h1>
<p class="lead">Att blockera en vårdnadshavares åtkomst till ett barns journal och e-tjänster beslutar verksamhetschefen, ensam (R1, R18). Din roll kan inte skicka begäran, men du gör det här:</p>
<section aria-labelledby="s-steps" class="panel"><h2 id="s-steps">Så går det till</h2>
<ol>
  <li>Dokumentera din bedömning i barnets journal: vad som talar för att barnet kan ta betydande skada om vårdnadshavaren har åtkomst.</li>
  <li>Kontakta din verksamhetschef och ge underlaget. Verksamhetschefen beslutar och skickar begäran här i konsolen (<q>Blockera vårdnadshavare</q>).</li>
  <li>Är det brådskande ringer verksamhetschefen kontaktcentret, som registrerar begäran direkt.</li>
  <li>Behöver barnets inloggning låsas utan att vårdnadshavarna blockeras, begär du en <a href="/arenden/ny-lasning">låsning</a> som vanligt.</li>
</ol>
<p>När vårdnadshavaren blockeras låses även barnets inloggning, som ett eget ärende (R18).</p>
</section>`;
}

/** After the decision is filed: what the block is and what follows (the contact centre's page shows its tasks). */
export function guardianBlockReceiptView(b: GuardianBlockView): SafeHtml {
  return html`<h1>Blockering ${b.registryNumber}</h1>
<p class="lead">Blockering av vårdnadshavare · ${b.region}${b.urgent ? ' · brådskande' : ''}</p>
<section aria-labelledby="s-status" class="panel">
  <h2 id="s-status">Status</h2>
  <p class="status-line"><span class="status" id="block-status">${GUARDIAN_BLOCK_STATUS_LABELS[b.status] ?? b.status}</span></p>
  <p>Kontaktcentret utför blockeringen och bekräftar till de angivna e-postadresserna (R8). ${b.guardians.length === 1 ? 'En vårdnadshavare' : `${b.guardians.length} vårdnadshavare`} omfattas.</p>
  ${b.linkedLock ? html`<p>Barnets inloggning låses som ärende <a href="/arenden/${b.linkedLock.caseId}">${b.linkedLock.registryNumber}</a> (R18).</p>` : null}
</section>
${b.effects.length > 0 ? html`<section aria-labelledby="s-effects" class="panel"><h2 id="s-effects">Vad blockeringen innebär</h2><ul>${b.effects.map((e) => html`<li>${e}</li>`)}</ul></section>` : null}
<section aria-labelledby="s-timeline" class="panel">
  <h2 id="s-timeline">Tidslinje</h2>
  <table class="timeline">
    <caption class="visually-hidden">Blockeringens steg, äldst först</caption>
    <thead><tr><th scope="col">Tid</th><th scope="col">Status</th><th scope="col">Anteckning</th></tr></thead>
    <tbody>${b.timeline.map((t) => html`<tr><td>${swedishTime(t.at)}</td><td>${GUARDIAN_BLOCK_STATUS_LABELS[t.status] ?? t.status}</td><td>${t.note}</td></tr>`)}</tbody>
  </table>
</section>`;
}
