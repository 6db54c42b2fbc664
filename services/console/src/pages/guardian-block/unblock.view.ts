import type { GuardianBlockView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { choiceGroup, csrfField, errorSummary, textArea, textField } from '../../views/form';
import { FormProblems } from '../../gateway/problem-messages';
import { UNBLOCK_FIELDS, UnblockField, UnblockFormValues, UnblockTextField } from './guardian-block.form';

const DATE_HINT = 'Datum och tid, till exempel 2026-11-20 09:30';

/** R19: lifting a block needs the unit head's threat check with other units and social services. */
export function unblockView(block: GuardianBlockView, values: UnblockFormValues, problems: FormProblems, csrfToken: string): SafeHtml {
  const v = (f: UnblockTextField) => values[f] ?? '';
  const e = (f: UnblockField) => problems.fields[f];
  const field = (name: UnblockTextField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, label: UNBLOCK_FIELDS[name], value: v(name), error: e(name), required: true, ...extra });
  const blocked = block.guardians.filter((g) => g.blocked);
  return html`<h1>Häv blockering ${block.registryNumber}</h1>
<p class="lead">Vårdnadshavaren får åter tillgång till barnets journal och e-tjänster på 1177. Innan dess ska verksamhetschefen ha kontrollerat att det inte finns någon hotbild mot barnet (R19).</p>
<p><a href="/vardnadshavare/${block.id}">Tillbaka till blockeringen</a></p>
${errorSummary(problems.fields, problems.general, UNBLOCK_FIELDS)}
<form method="post" action="/vardnadshavare/${block.id}/hav-blockering" novalidate>
${csrfField(csrfToken)}
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">

<section aria-labelledby="s-guardians"><h2 id="s-guardians">Vårdnadshavare</h2>
${choiceGroup({
  name: 'guardians',
  legend: UNBLOCK_FIELDS.guardians,
  hint: 'Välj ingen för att häva blockeringen för alla blockerade vårdnadshavare.',
  options: Object.fromEntries(blocked.map((g) => [g.personnummer, g.personnummer])),
  multiple: true,
  values: values.guardians,
  error: e('guardians'),
})}
</section>

<section aria-labelledby="s-threat"><h2 id="s-threat">Kontroll av hotbild (R19)</h2>
${choiceGroup({ name: 'threatCheck.otherUnitsConsulted', legend: 'Har verksamhetschefen kontrollerat hotbilden hos andra verksamheter där barnet behandlas eller har behandlats?', options: { yes: 'Ja, hotbilden är kontrollerad hos andra verksamheter' }, multiple: true, values: [v('threatCheck.otherUnitsConsulted')], error: e('threatCheck.otherUnitsConsulted') })}
${choiceGroup({ name: 'threatCheck.socialServicesConsulted', legend: 'Har verksamhetschefen kontrollerat hotbilden hos socialtjänsten?', options: { yes: 'Ja, hotbilden är kontrollerad hos socialtjänsten' }, multiple: true, values: [v('threatCheck.socialServicesConsulted')], error: e('threatCheck.socialServicesConsulted') })}
${field('threatCheck.checkedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${textArea({ name: 'threatCheck.summary', label: UNBLOCK_FIELDS['threatCheck.summary'], value: v('threatCheck.summary'), error: e('threatCheck.summary'), required: true })}
</section>

<section aria-labelledby="s-decision"><h2 id="s-decision">Verksamhetschefens beslut (R1)</h2>
${field('decision.decidedBy.hsaId', { width: 'medium', hint: 'Kontrolleras mot HSA-katalogen: beslutsfattaren ska vara verksamhetschef.' })}
${field('decision.decidedBy.name')}
${field('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${textArea({ name: 'decision.motivation', label: UNBLOCK_FIELDS['decision.motivation'], value: v('decision.motivation'), error: e('decision.motivation'), required: true })}
${textArea({ name: 'confirmationEmails', label: UNBLOCK_FIELDS.confirmationEmails, value: v('confirmationEmails'), error: e('confirmationEmails'), hint: 'En per rad. Lämna tomt för att använda adresserna från blockeringen.' })}
</section>

<p><button type="submit" class="button">Häv blockeringen</button></p>
</form>`;
}
