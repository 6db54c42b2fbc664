import { SafeHtml, html } from '../../views/html';
import { choiceGroup, csrfField, errorSummary, textArea, textField } from '../../views/form';
import { LOCK_REASON_LABELS } from '../../views/labels';
import { FormProblems } from '../../gateway/problem-messages';
import { BLOCK_FIELDS, BlockField, BlockFormValues } from './guardian-block.form';

const DATE_HINT = 'Datum och tid, till exempel 2026-11-20 09:30';
const PNR_HINT = '12 siffror, ÅÅÅÅMMDDNNNN';

/** The guardian block form, in the order of the routine's form (002); problems beside their fields. */
export function newGuardianBlockView(values: BlockFormValues, problems: FormProblems, csrfToken: string, action: string): SafeHtml {
  const v = (f: BlockField) => values[f] ?? '';
  const e = (f: BlockField) => problems.fields[f];
  const field = (name: BlockField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label: BLOCK_FIELDS[name], value: v(name), error: e(name), required: true, ...extra });
  return html`<h1>Blockera vårdnadshavare</h1>
<p class="lead">Blockera en eller båda vårdnadshavares tillgång till barnets journal och e-tjänster på 1177. Verksamhetschefen beslutar (R18); vid brådskande ärenden ringer verksamheten kontaktcentret, som registrerar beslutet här.</p>
<p class="notice">Barnets egen inloggning till 1177 e-tjänster låses samtidigt av säkerhetsskäl, som ett eget ärende. Bekräftelse skickas till e-postadresserna i formuläret.</p>
${errorSummary(problems.fields, problems.general, BLOCK_FIELDS)}
<form method="post" action="${action}" novalidate>
${csrfField(csrfToken)}
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">

<section aria-labelledby="s-child"><h2 id="s-child">Barnet</h2>
${field('child.personnummer', { hint: PNR_HINT, width: 'medium', autocomplete: 'off', inputmode: 'numeric' })}
${field('child.name', { autocomplete: 'off' })}
</section>

<section aria-labelledby="s-guardians"><h2 id="s-guardians">Vårdnadshavare som ska blockeras</h2>
<p class="hint">Så som folkbokföringen anger dem. Lämna den andra tom om bara en vårdnadshavare ska blockeras.</p>
${field('guardians.0.personnummer', { hint: PNR_HINT, width: 'medium', autocomplete: 'off', inputmode: 'numeric' })}
${field('guardians.1.personnummer', { hint: PNR_HINT, width: 'medium', autocomplete: 'off', inputmode: 'numeric', required: false })}
</section>

<section aria-labelledby="s-request"><h2 id="s-request">Begäran</h2>
${choiceGroup({ name: 'channel', legend: BLOCK_FIELDS.channel, options: { EMERGENCY_PHONE: 'Telefon till kontaktcentret', E_FORM: 'E-blankett', FORM: 'Pappersblankett' }, values: [v('channel')], error: e('channel') })}
${choiceGroup({ name: 'urgent', legend: BLOCK_FIELDS.urgent, options: { yes: 'Ärendet är brådskande (till exempel ett polisärende)' }, multiple: true, values: [v('urgent')], error: e('urgent') })}
</section>

<section aria-labelledby="s-decision"><h2 id="s-decision">Verksamhetschefens beslut (R1, R18)</h2>
${field('decision.decidedBy.hsaId', { width: 'medium', hint: 'Kontrolleras mot HSA-katalogen: beslutsfattaren ska vara verksamhetschef.' })}
${field('decision.decidedBy.name')}
${field('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${textArea({ name: 'decision.motivation', label: BLOCK_FIELDS['decision.motivation'], value: v('decision.motivation'), error: e('decision.motivation'), required: true, hint: 'Vad som ligger till grund för beslutet: det skrivs in i utkastet till journalanteckningen.' })}
${choiceGroup({ name: 'decision.reasons', legend: `${BLOCK_FIELDS['decision.reasons']} (frivilligt)`, options: LOCK_REASON_LABELS, multiple: true, values: values.reasons, error: e('decision.reasons') })}
${choiceGroup({ name: 'concernReported', legend: BLOCK_FIELDS.concernReported, options: { yes: 'En orosanmälan till socialförvaltningen har gjorts' }, multiple: true, values: [v('concernReported')], error: e('concernReported') })}
${field('period.from', { hint: 'Datum, till exempel 2026-12-01. Lämna tomt om blockeringen gäller tills den tas bort.', width: 'medium', autocomplete: 'off', required: false })}
${field('period.to', { hint: 'Datum, till exempel 2027-06-01.', width: 'medium', autocomplete: 'off', required: false })}
${textArea({ name: 'guardianInformedBy', label: BLOCK_FIELDS.guardianInformedBy, value: v('guardianInformedBy'), error: e('guardianInformedBy'), required: true, hint: 'Namn och hur, eller varför vårdnadshavaren inte har informerats.' })}
</section>

<section aria-labelledby="s-unit"><h2 id="s-unit">Begärande enhet och bekräftelse</h2>
${field('requestingUnit.hsaId', { width: 'medium' })}
${field('requestingUnit.name')}
${field('requestingUnit.headEmail', { type: 'email', autocomplete: 'off' })}
${textArea({ name: 'confirmationEmails', label: BLOCK_FIELDS.confirmationEmails, value: v('confirmationEmails'), error: e('confirmationEmails'), required: true, hint: 'En till fem adresser, en per rad. Kontaktcentret skickar bekräftelsen dit.' })}
</section>

<p><button type="submit" class="button">Registrera blockering</button></p>
</form>`;
}
