import { FormProblems } from '../../gateway/problem-messages';
import { SafeHtml, html } from '../../views/html';
import { LOGIN_UNLOCK_REASON_LABELS } from '../care-forms/care-labels';
import { CareFormValues } from '../care-forms/decision-form';
import { decisionFormView } from '../care-forms/decision-form.view';
import { UNLOCK_FIELDS } from './new-unlock.form';

export const UNLOCK_PATH = '/upplasning/ny';

/** The unlock form: the lock it lifts on top, then the decision's form as for a lock. */
export function newUnlockView(values: CareFormValues, problems: FormProblems, csrfToken: string): SafeHtml {
  const related = values.extra.relatedCaseId ?? '';
  const registryNumber = values.extra.lockRegistryNumber ?? '';
  const ownSection = html`
<section aria-labelledby="s-lock"><h2 id="s-lock">Låsningen som hävs (R10)</h2>
${related !== ''
  ? html`<input type="hidden" name="relatedCaseId" value="${related}"><input type="hidden" name="lockRegistryNumber" value="${registryNumber}">
<p id="lock-ref">Upplåsningen avser låsningen i ärende <a href="/arenden/${related}">${registryNumber || 'som du kom ifrån'}</a>.</p>`
  : html`<p>Låsningen som gäller för invånaren hittas med personnumret. Vill du ange ärendet, gå till ärendet under <a href="/enhetens-arenden">Enhetens ärenden</a> och välj <q>Begär upplåsning</q> där.</p>`}
${problems.fields.relatedCaseId ? html`<p class="field-error" id="f-relatedCaseId"><span class="visually-hidden">Fel: </span>${problems.fields.relatedCaseId}</p>` : null}
<p class="hint">Bara den region som begärde låsningen kan häva den (R10).</p>
</section>
`;
  return decisionFormView({
    heading: 'Begär upplåsning av inloggning',
    lead: 'Upplåsning sker aldrig automatiskt: den kräver en ny bedömning och ett dokumenterat beslut, som vid låsning (R11). Servicedesken kontrollerar uppgifterna och låser sedan upp inloggningen i personalverktyget; allt som fanns när inloggningen låstes finns kvar.',
    action: UNLOCK_PATH,
    values,
    problems,
    csrfToken,
    labels: UNLOCK_FIELDS,
    reasonOptions: LOGIN_UNLOCK_REASON_LABELS as Record<string, string>,
    reasonsLegend: UNLOCK_FIELDS['decision.reasons'],
    reasonsHint: 'Varför låsningen inte längre behövs. Välj ett eller flera.',
    ownSection,
    submitLabel: 'Skicka begäran om upplåsning',
  });
}
