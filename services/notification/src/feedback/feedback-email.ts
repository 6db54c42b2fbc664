// R8 Feedback (återkoppling): when a case is concluded, the requesting unit's head is told what was
// done, what it means for the resident (R17) and, for a lock, that it is reviewed after three
// months (R9). Plain Swedish text. The e-mail names the case by its registry number only: it never
// carries the resident's personnummer or name (the event does not hold them either).
// R24: signed by the region's service desk and copied to the region's feedback addresses.
import { CaseConcludedV1, ExecutionOutcome } from '@accessdesk/contracts';
import { CASE_ACTION, Email, RegionFacts, body, recipients, referenceLine, section, signature, stockholmTime } from '../mail/email-text';

export type FeedbackOutcome = Exclude<ExecutionOutcome, 'FAILED'>;

export type FeedbackFacts = Pick<CaseConcludedV1, 'registryNumber' | 'caseType' | 'concludedAt' | 'requestingUnit' | 'effects' | 'advice'> & {
  outcome: FeedbackOutcome;
};

const RESULT: Record<FeedbackOutcome, string> = {
  EXECUTED: 'verkställd',
  NOT_APPLICABLE: 'ej aktuell – invånaren saknar konto på 1177',
};

/** R9: an executed lock is reviewed by the requesting staff after three months. */
export const REVIEW_LINE = 'Låsningen ska omprövas efter tre månader av begärande vårdpersonal.';

export function isFeedbackOutcome(outcome: ExecutionOutcome): outcome is FeedbackOutcome {
  return outcome === 'EXECUTED' || outcome === 'NOT_APPLICABLE';
}

export function feedbackEmail(facts: FeedbackFacts, region: RegionFacts): Email {
  const action = CASE_ACTION[facts.caseType];
  const when = stockholmTime(facts.concludedAt);
  const reviewed = facts.caseType === 'LOGIN_LOCK' && facts.outcome === 'EXECUTED';
  const advice = reviewed ? facts.advice.filter((line) => line.trim() !== REVIEW_LINE) : facts.advice;
  const result =
    facts.outcome === 'EXECUTED'
      ? [`Er begäran om ${action} på 1177 är verkställd ${when}.`]
      : [
          `Er begäran om ${action} på 1177 är ej aktuell: invånaren saknar konto på 1177, så ingenting har ändrats.`,
          `Beskedet kom ${when}.`,
        ];
  const text = body([
    `Hej ${facts.requestingUnit.name},`,
    '',
    `Det här är återkoppling till verksamhetschefen om ärende ${facts.registryNumber}.`,
    '',
    ...result,
    '',
    ...section('Det innebär:', facts.effects),
    ...section('Att tänka på:', advice),
    ...(reviewed ? ['Omprövning:', REVIEW_LINE, ''] : []),
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    // R8 to the unit head; R24 a copy to the addresses the region lists for feedback.
    to: recipients(facts.requestingUnit.headEmail, ...region.feedbackCopyTo),
    subject: `Återkoppling: ${action} på 1177 ${RESULT[facts.outcome]} – ${facts.registryNumber}`,
    text,
  };
}
