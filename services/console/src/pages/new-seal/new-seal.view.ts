import { FormProblems } from '../../gateway/problem-messages';
import { choiceGroup, textArea, textField } from '../../views/form';
import { SafeHtml, html } from '../../views/html';
import { LOCK_REASON_LABELS } from '../../views/labels';
import { CareFormValues } from '../care-forms/decision-form';
import { decisionFormView } from '../care-forms/decision-form.view';
import { SEAL_FIELDS } from './new-seal.form';

export const SEAL_PATH = '/forsegling/ny';

/** The seal form: what to seal (R21) after the request, then the decision as for a lock. */
export function newSealView(values: CareFormValues, problems: FormProblems, csrfToken: string): SafeHtml {
  const x = (name: keyof typeof SEAL_FIELDS) => values.extra[name] ?? '';
  const e = (name: keyof typeof SEAL_FIELDS) => problems.fields[name];
  const ownSection = html`
<section aria-labelledby="s-scope"><h2 id="s-scope">Vad som förseglas (R21)</h2>
${choiceGroup({
  name: 'sealScope.whole',
  legend: SEAL_FIELDS['sealScope.whole'],
  options: { whole: 'Hela journalen på nätet', named: 'Journalen hos namngivna vårdgivare eller vårdenheter' },
  values: [x('sealScope.whole')],
  error: e('sealScope.whole'),
})}
${textArea({ name: 'sealScope.careProviders', label: SEAL_FIELDS['sealScope.careProviders'], value: x('sealScope.careProviders'), error: e('sealScope.careProviders'), hint: 'Om du valt namngivna: ett HSA-id per rad.' })}
${textArea({ name: 'sealScope.careUnits', label: SEAL_FIELDS['sealScope.careUnits'], value: x('sealScope.careUnits'), error: e('sealScope.careUnits'), hint: 'Om du valt namngivna: ett HSA-id per rad.' })}
${textField({ name: 'sealScope.from', label: SEAL_FIELDS['sealScope.from'], value: x('sealScope.from'), error: e('sealScope.from'), hint: 'Datum, till exempel 2026-12-01. Tomt: från nu.', width: 'medium', autocomplete: 'off' })}
${textField({ name: 'sealScope.to', label: SEAL_FIELDS['sealScope.to'], value: x('sealScope.to'), error: e('sealScope.to'), hint: 'Datum, till exempel 2027-06-01. Tomt: tills vidare.', width: 'medium', autocomplete: 'off' })}
<p class="hint">En försegling hävs bara av regionens centrala stöd (R21).</p>
</section>
`;
  return decisionFormView({
    heading: 'Begär försegling av journal',
    lead: 'Förseglingen döljer journalen på nätet för invånaren, helt eller hos namngivna vårdgivare eller enheter, där journalen kan skada patienten, personal eller tredje person (R21). Den gäller även den som saknar eget konto i 1177 (R16). Servicedesken kontrollerar uppgifterna innan förseglingen utförs.',
    action: SEAL_PATH,
    values,
    problems,
    csrfToken,
    labels: SEAL_FIELDS,
    reasonOptions: LOCK_REASON_LABELS,
    reasonsLegend: SEAL_FIELDS['decision.reasons'],
    reasonsHint: 'Välj ett eller flera.',
    ownSection,
    submitLabel: 'Skicka begäran om försegling',
  });
}
