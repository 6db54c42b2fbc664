import type { ReviewList, ReviewOutcome, ReviewView } from '@accessdesk/contracts';
import { FormProblems } from '../../gateway/problem-messages';
import { choiceGroup, csrfField, errorSummary, selectField, textArea, textField } from '../../views/form';
import { SafeHtml, html } from '../../views/html';
import { DECISION_ROLE_LABELS, LOCK_REASON_LABELS, swedishTime } from '../../views/labels';
import { LOGIN_UNLOCK_REASON_LABELS, REVIEW_OUTCOME_LABELS, REVIEW_STATUS_LABELS } from '../care-forms/care-labels';
import { CareFormValues } from '../care-forms/decision-form';
import { DATE_HINT } from '../care-forms/decision-form.view';
import { KEEP_FIELDS, UNLOCK_ON_REVIEW_FIELDS } from './review-decision.form';

export const REVIEWS_PATH = '/omprovningar';
export const DECISION_PATHS: Record<ReviewOutcome, string> = { KEEP_LOCKED: 'behall', UNLOCK: 'las-upp' };

/** What each decision does, told before it is made (R9, R10, R11). */
export const WHAT_THE_DECISION_DOES: Record<ReviewOutcome, string> = {
  KEEP_LOCKED:
    'Inloggningen förblir låst och inget nytt ärende öppnas. Beslutet dokumenteras i låsningens ärende och påminnelserna om omprövningen upphör. Låsningen gäller tills någon begär upplåsning.',
  UNLOCK:
    'Beslutet är en ny bedömning, som vid låsning (R11). Ett ärende om upplåsning öppnas och går till servicedesken, som kontrollerar det och låser upp inloggningen i personalverktyget; allt som fanns när inloggningen låstes finns kvar. Påminnelserna upphör. Bara regionen som begärde låsningen kan häva den (R10).',
};

export interface DecidedNotice {
  outcome: ReviewOutcome;
  lockCaseId: string;
  unlockCaseId: string | null;
}

/** The unit's open reviews by due date, each to be decided as keep or unlock. */
export function reviewsView(o: { list: ReviewList; continued: boolean; decided: DecidedNotice | null; nextHref: string | null }): SafeHtml {
  const { decided } = o;
  // The review just decided may still be listed as open for a moment (review-scheduler hears of the
  // decision by an event): it is left out rather than offered for a second decision.
  const list = decided ? { ...o.list, reviews: o.list.reviews.filter((r) => r.caseId !== decided.lockCaseId) } : o.list;
  const due = (r: ReviewView) => r.overdue || r.status !== 'SCHEDULED';
  return html`<h1>Omprövningar</h1>
<p class="lead">Låsningar som enheten har begärt omprövas tre månader efter att de utfördes (R9): behålls låsningen, eller ska inloggningen låsas upp? En omprövning som inte beslutas i tid eskaleras till verksamhetschefen.</p>
<div role="status" id="review-notice">${decided
  ? html`<p class="notice">Beslutet är registrerat: ${REVIEW_OUTCOME_LABELS[decided.outcome].toLowerCase()}. ${decided.unlockCaseId
      ? html`<a href="/arenden/${decided.unlockCaseId}">Öppna ärendet om upplåsning</a>.`
      : html`<a href="/arenden/${decided.lockCaseId}">Öppna låsningens ärende</a>.`}</p>`
  : null}</div>
${list.reviews.length === 0
  ? html`<p>Enheten har inga omprövningar att besluta${o.continued ? ' på den här sidan' : ''}.</p>`
  : html`<table class="timeline reviews">
  <caption class="visually-hidden">Enhetens omprövningar, de som förfaller först överst</caption>
  <thead><tr><th scope="col">Låsning</th><th scope="col">Utförd</th><th scope="col">Förfaller</th><th scope="col">Status</th><th scope="col">Beslut</th></tr></thead>
  <tbody>
    ${list.reviews.map(
      (r) => html`<tr${due(r) ? html` class="due"` : null}><th scope="row"><a href="/arenden/${r.caseId}">${r.registryNumber}</a></th><td>${swedishTime(r.executedAt)}</td><td>${swedishTime(r.dueAt)}${r.overdue ? html` <strong>(försenad)</strong>` : null}</td><td>${REVIEW_STATUS_LABELS[r.status] ?? r.status}</td><td>${r.outcome
        ? REVIEW_OUTCOME_LABELS[r.outcome]
        : html`<a href="${REVIEWS_PATH}/${r.id}/${DECISION_PATHS.KEEP_LOCKED}">Behåll låsningen<span class="visually-hidden"> ${r.registryNumber}</span></a> · <a href="${REVIEWS_PATH}/${r.id}/${DECISION_PATHS.UNLOCK}">Lås upp<span class="visually-hidden"> ${r.registryNumber}</span></a>`}</td></tr>`,
    )}
  </tbody>
</table>`}
${o.nextHref ? html`<p><a href="${o.nextHref}" class="button secondary">Visa fler</a></p>` : null}
${o.continued ? html`<p><a href="${REVIEWS_PATH}">Till de första omprövningarna</a></p>` : null}`;
}

/** The decision's form: what it does first, then the documented decision (and for UNLOCK what an unlock needs). */
export function reviewDecisionView(o: { review: ReviewView; outcome: ReviewOutcome; values: CareFormValues; problems: FormProblems; csrfToken: string }): SafeHtml {
  const { review, outcome, values, problems } = o;
  const labels: Readonly<Record<string, string>> = outcome === 'KEEP_LOCKED' ? KEEP_FIELDS : UNLOCK_ON_REVIEW_FIELDS;
  const v = (f: string) => (f === 'residentName' ? (values.extra.residentName ?? '') : ((values as unknown as Record<string, string | undefined>)[f] ?? ''));
  const e = (f: string) => problems.fields[f];
  const field = (name: string, extra: Partial<Parameters<typeof textField>[0]> = {}) => textField({ name, label: labels[name] ?? name, value: v(name), error: e(name), required: true, ...extra });
  const unlock = outcome === 'UNLOCK';
  return html`<h1>${unlock ? 'Lås upp efter omprövning' : 'Behåll låsningen'}: ${review.registryNumber}</h1>
<section aria-labelledby="s-what" class="panel">
  <h2 id="s-what">Vad beslutet innebär</h2>
  <p>${WHAT_THE_DECISION_DOES[outcome]}</p>
  <p class="muted">Låsningen utfördes ${swedishTime(review.executedAt)} och skulle omprövas senast ${swedishTime(review.dueAt)}. <a href="${REVIEWS_PATH}/${review.id}/${DECISION_PATHS[unlock ? 'KEEP_LOCKED' : 'UNLOCK']}">${unlock ? 'Behåll låsningen i stället' : 'Lås upp i stället'}</a></p>
</section>
${errorSummary(problems.fields, problems.general, labels)}
<form method="post" action="${REVIEWS_PATH}/${review.id}/${DECISION_PATHS[outcome]}" novalidate>
${csrfField(o.csrfToken)}
<input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">
${unlock
  ? html`<section aria-labelledby="s-resident"><h2 id="s-resident">Invånare</h2>
${field('residentName', { hint: 'Som på blanketten; kontrolleras mot folkbokföringen (R4).', autocomplete: 'off' })}
</section>`
  : null}
<section aria-labelledby="s-decision"><h2 id="s-decision">Beslut (R1${unlock ? ', R2, R11' : ', R9'})</h2>
${field('decision.decidedBy.hsaId', { width: 'medium' })}
${field('decision.decidedBy.name')}
${selectField({ name: 'decision.decidedBy.role', label: labels['decision.decidedBy.role'] ?? '', options: DECISION_ROLE_LABELS, value: v('decision.decidedBy.role'), error: e('decision.decidedBy.role') })}
${field('decision.decidedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
${choiceGroup({
  name: 'decision.reasons',
  legend: labels['decision.reasons'] ?? '',
  hint: unlock ? 'Varför låsningen inte längre behövs. Välj ett eller flera.' : 'Välj de skäl för låsningen som fortfarande gäller.',
  options: unlock ? (LOGIN_UNLOCK_REASON_LABELS as Record<string, string>) : LOCK_REASON_LABELS,
  multiple: true,
  values: values.reasons,
  error: e('decision.reasons'),
})}
${textArea({ name: 'decision.motivation', label: labels['decision.motivation'] ?? '', value: v('decision.motivation'), error: e('decision.motivation'), required: true })}
${field('decision.journalNoteRef', { hint: 'Var omprövningen är dokumenterad.' })}
${field('decision.chiefPhysicianInformedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off', required: unlock })}
</section>
${unlock
  ? html`<section aria-labelledby="s-patient"><h2 id="s-patient">Information till patienten (R3)</h2>
${choiceGroup({ name: 'patientInformed.informed', legend: labels['patientInformed.informed'] ?? '', options: { yes: 'Ja', no: 'Nej' }, values: [v('patientInformed.informed')], error: e('patientInformed.informed') })}
${textArea({ name: 'patientInformed.reasonIfNot', label: labels['patientInformed.reasonIfNot'] ?? '', value: v('patientInformed.reasonIfNot'), error: e('patientInformed.reasonIfNot'), hint: 'Fyll i om patienten inte har informerats.' })}
</section>
<section aria-labelledby="s-signature"><h2 id="s-signature">Underskrift</h2>
${field('signature.signedBy', { width: 'medium' })}
${field('signature.signedAt', { hint: DATE_HINT, width: 'medium', autocomplete: 'off' })}
</section>`
  : null}
<p><button type="submit" class="button">${unlock ? 'Besluta upplåsning' : 'Besluta att låsningen behålls'}</button></p>
</form>`;
}
