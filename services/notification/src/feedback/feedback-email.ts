// R8 Feedback (återkoppling): when a case is concluded, the requesting unit's head is told what was
// done, what it means for the resident (R17) and, for a lock, that it is reviewed after three
// months (R9); when nothing was done (no 1177 account, R16), what to do next. Plain Swedish text.
// The e-mail names the case by its registry number only: it never carries the resident's
// personnummer or name (the event does not hold them either).
// R10: a login locked at another region's request is told as that region's lock, which only that
// region can lift and which this case does not review.
// Issue 8 point 7: with a protected identity, no unit name, no effects or advice, no other region.
// R24: signed by the region's service desk and copied to the region's feedback addresses.
import { CaseConcludedV1, ExecutionOutcome, IntakeCaseType } from '@accessdesk/contracts';
import {
  CASE_ACTION,
  Email,
  NOT_DONE,
  PROTECTED_LINE,
  RegionFacts,
  body,
  deskContact,
  greeting,
  recipients,
  referenceLine,
  section,
  signature,
  stockholmTime,
} from '../mail/email-text';

export type FeedbackOutcome = Exclude<ExecutionOutcome, 'FAILED' | 'UNKNOWN'>;

export type FeedbackFacts = Pick<CaseConcludedV1, 'registryNumber' | 'caseType' | 'concludedAt' | 'requestingUnit' | 'effects' | 'advice' | 'protectedIdentity'> & {
  outcome: FeedbackOutcome;
  /** R10: the name of the other region whose login lock the staff tool showed in effect, if any. */
  lockedByRegionName?: string | null;
};

const RESULT: Record<FeedbackOutcome, string> = {
  EXECUTED: 'verkställd',
  NOT_APPLICABLE: 'ej aktuell – invånaren saknar konto på 1177',
};

/** R9: an executed lock is reviewed by the requesting staff after three months. */
export const REVIEW_LINE = 'Låsningen ska omprövas efter tre månader av begärande vårdpersonal.';

/** R16: what to do next when the resident has no 1177 account, so nothing was done. */
function notApplicableNextSteps(caseType: IntakeCaseType, registryNumber: string, region: RegionFacts): string[] {
  switch (caseType) {
    case 'LOGIN_LOCK':
      return [
        // 001: "Låsningen gäller endast befintliga användare".
        'En låsning gäller bara befintliga användare: den hindrar inte att invånaren loggar in på 1177 med e-legitimation senare.',
        'Behöver journalen vara oåtkomlig för invånaren, begär försegling av journalen: en försegling gäller oavsett om invånaren har ett konto.',
        `Finns behovet kvar när invånaren har börjat använda 1177 e-tjänster, gör en ny begäran om låsning och ange diarienummer ${registryNumber}.`,
      ];
    case 'LOGIN_UNLOCK':
      return ['Det finns ingen låst inloggning att låsa upp: ni behöver inte göra något mer.'];
    case 'JOURNAL_SEAL':
      return [`Behöver journalen ändå förseglas, kontakta ${deskContact(region)} och ange diarienummer ${registryNumber}.`];
    case 'JOURNAL_UNSEAL':
      return [`Har ni frågor om förseglingen, kontakta ${deskContact(region)} och ange diarienummer ${registryNumber}.`];
  }
}

export function isFeedbackOutcome(outcome: ExecutionOutcome): outcome is FeedbackOutcome {
  return outcome === 'EXECUTED' || outcome === 'NOT_APPLICABLE';
}

export function feedbackEmail(facts: FeedbackFacts, region: RegionFacts): Email {
  const isLogin = facts.caseType === 'LOGIN_LOCK' || facts.caseType === 'LOGIN_UNLOCK';
  if (facts.lockedByRegionName && isLogin) return otherRegionLockEmail(facts, facts.lockedByRegionName, region);
  const action = CASE_ACTION[facts.caseType];
  const when = stockholmTime(facts.concludedAt);
  const shielded = facts.protectedIdentity === true;
  const reviewed = facts.caseType === 'LOGIN_LOCK' && facts.outcome === 'EXECUTED';
  const advice = reviewed ? facts.advice.filter((line) => line.trim() !== REVIEW_LINE) : facts.advice;
  const executed = facts.outcome === 'EXECUTED';
  const result = executed
    ? [`Er begäran om ${action} på 1177 är verkställd ${when}.`]
    : [`Er begäran om ${action} på 1177 är ej aktuell: invånaren saknar konto på 1177, så ingenting har ändrats.`, `Beskedet kom ${when}.`];
  const text = body([
    // R8: nothing was done, said first.
    ...(executed ? [] : [NOT_DONE[facts.caseType], '']),
    greeting(facts.requestingUnit, shielded),
    '',
    `Det här är återkoppling till verksamhetschefen om ärende ${facts.registryNumber}.`,
    '',
    ...result,
    '',
    ...(shielded ? [PROTECTED_LINE, ''] : [...section('Det innebär:', facts.effects), ...section('Att tänka på:', advice)]),
    ...(reviewed ? ['Omprövning:', REVIEW_LINE, ''] : []),
    ...section('Så går ni vidare:', executed ? [] : notApplicableNextSteps(facts.caseType, facts.registryNumber, region)),
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

/**
 * R10 (001): the staff tool showed the login locked at another region's request. The login IS
 * locked (or still locked, for an unlock), but only that region can lift it, and this case has no
 * lock of its own to review (R9). With a protected identity the other region is not named: where
 * the resident has had care could locate them.
 */
function otherRegionLockEmail(facts: FeedbackFacts, otherRegion: string, region: RegionFacts): Email {
  const shielded = facts.protectedIdentity === true;
  const whose = shielded ? 'en annan region' : otherRegion;
  const when = stockholmTime(facts.concludedAt);
  const lock = facts.caseType === 'LOGIN_LOCK';
  const state = lock ? 'ÄR låst' : 'är FORTFARANDE låst';
  const happened = lock
    ? [
        `Er begäran om låsning av inloggning på 1177 behövde inte verkställas: personalverktyget visade ${when} att inloggningen redan var låst på begäran av ${whose}.`,
        `Bara den region som har begärt en låsning kan häva den. Den här låsningen kan alltså bara hävas av ${whose}, inte av ${region.name}.`,
      ]
    : [
        `Er begäran om upplåsning av inloggning på 1177 kunde inte genomföras: personalverktyget visade ${when} att inloggningen är låst på begäran av ${whose}.`,
        `Bara den region som har begärt en låsning kan häva den, så ${region.name} kan inte låsa upp den.`,
      ];
  const next = lock
    ? [
        `Ingen omprövning efter tre månader görs i det här ärendet: låsningen är ${shielded ? 'den andra regionens' : `${otherRegion}s`}.`,
        `Häver ${whose} sin låsning blir inloggningen upplåst. Behöver inloggningen vara låst även då, kontakta ${deskContact(region)} och ange diarienummer ${facts.registryNumber}.`,
      ]
    : [`Behöver inloggningen låsas upp, är det ${whose} som kan göra det. Frågor om ärendet: kontakta ${deskContact(region)} och ange diarienummer ${facts.registryNumber}.`];
  const advice = facts.advice.filter((line) => line.trim() !== REVIEW_LINE);
  const text = body([
    `Invånarens inloggning till 1177 ${state}, på begäran av ${whose}.`,
    '',
    greeting(facts.requestingUnit, shielded),
    '',
    `Det här är återkoppling till verksamhetschefen om ärende ${facts.registryNumber}.`,
    '',
    ...happened,
    '',
    // The lock's effects hold (R17); an unlock's effects did not happen, so they are not told.
    ...(shielded ? [PROTECTED_LINE, ''] : lock ? [...section('Det innebär:', facts.effects), ...section('Att tänka på:', advice)] : []),
    ...section('Så går ni vidare:', next),
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail, ...region.feedbackCopyTo),
    subject: `Återkoppling: inloggningen på 1177 ${state} – på begäran av ${whose} – ${facts.registryNumber}`,
    text,
  };
}
