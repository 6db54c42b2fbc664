// R8 Every end of a case is told to the requesting unit's head (000 §8, 001), not only success:
// here the endings that left 1177 untouched (intake.case.ended.v1). The first line of the body and
// the subject say what was NOT done, so that nobody believes a resident locked who is not; then
// what happened and what to do next. Issue 8 point 7: with a protected identity, no unit name and
// no free text from the desk.
import { CaseEndedV1, CaseEnding } from '@accessdesk/contracts';
import {
  AS_BEFORE,
  CASE_ACTION,
  Email,
  NOT_DONE,
  NOT_DONE_SUBJECT,
  PROTECTED_LINE,
  RegionFacts,
  body,
  bullets,
  deskContact,
  greeting,
  recipients,
  referenceLine,
  section,
  signature,
  stockholmTime,
} from '../mail/email-text';

export type EndedFacts = Pick<CaseEndedV1, 'registryNumber' | 'caseType' | 'ending' | 'endedAt' | 'requestingUnit' | 'reasons' | 'protectedIdentity'>;

interface EndingText {
  /** What the subject calls the ending. */
  label: string;
  /** What happened, after the greeting. */
  happened: (facts: EndedFacts, region: RegionFacts) => string[];
  /** The heading over the desk's own words. */
  reasonsHeading: string;
}

/** One text per ending: a new ending in CASE_ENDINGS does not compile until it has its e-mail. */
const ENDING_TEXT: Record<CaseEnding, EndingText> = {
  CLOSED_UNEXECUTED: {
    label: 'Ej verkställt',
    happened: (f, region) => [
      `Er begäran om ${CASE_ACTION[f.caseType]} på 1177, ärende ${f.registryNumber}, kunde inte verkställas i personalverktyget.`,
      `${region.serviceDesk.name} avslutade ärendet ${stockholmTime(f.endedAt)} utan att åtgärden blev gjord. Ingenting har ändrats på 1177.`,
    ],
    reasonsHeading: 'Servicedeskens kommentar:',
  },
  VOIDED: {
    label: 'Makulerat ärende',
    happened: (f, region) => [
      `Er begäran om ${CASE_ACTION[f.caseType]} på 1177, ärende ${f.registryNumber}, har makulerats av ${region.serviceDesk.name} ${stockholmTime(f.endedAt)}.`,
      'Ett makulerat ärende handläggs inte vidare. Ärendet kom aldrig till personalverktyget, så ingenting har ändrats på 1177.',
    ],
    reasonsHeading: 'Skäl till makuleringen:',
  },
};

export function caseEndedEmail(facts: EndedFacts, region: RegionFacts): Email {
  const ending = ENDING_TEXT[facts.ending];
  const action = CASE_ACTION[facts.caseType];
  const shielded = facts.protectedIdentity === true;
  const text = body([
    NOT_DONE[facts.caseType],
    '',
    greeting(facts.requestingUnit, shielded),
    '',
    ...ending.happened(facts, region),
    AS_BEFORE[facts.caseType],
    '',
    ...(shielded ? [PROTECTED_LINE, ''] : section(ending.reasonsHeading, facts.reasons)),
    'Så går ni vidare:',
    ...bullets([
      `Behövs ${action} fortfarande: gör en ny begäran och ange diarienummer ${facts.registryNumber} så att ärendena kan kopplas ihop.`,
      `Är det brådskande, eller har ni frågor om ärendet: kontakta ${deskContact(region)}.`,
    ]),
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail),
    subject: `${ending.label} – ${NOT_DONE_SUBJECT[facts.caseType]}: ${action} på 1177 – ${facts.registryNumber}`,
    text,
  };
}
