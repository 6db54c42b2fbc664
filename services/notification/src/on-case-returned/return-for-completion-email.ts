// R4 Retur för komplettering: a check on receipt failed (e.g. the form is not signed by the decision
// maker), so the case goes back to the requesting unit's head with the reasons and how to complete
// it. The reasons arrive as Swedish text from intake. No personal data: the registry number only.
// R8: the first line says what is NOT done yet. Issue 8 point 7: with a protected identity, no unit
// name and no reasons (they are free text): the requester reads them in the case.
import { CaseReturnedV1 } from '@accessdesk/contracts';
import { CASE_ACTION, Email, NOT_DONE, PROTECTED_LINE, RegionFacts, body, bullets, greeting, recipients, referenceLine, section, signature, stockholmTime } from '../mail/email-text';

export type ReturnFacts = Pick<CaseReturnedV1, 'registryNumber' | 'caseType' | 'reasons' | 'requestingUnit' | 'at' | 'protectedIdentity'>;

/** Where the requester completes the case; the case's id is left out so that no long digit run reaches an e-mail. */
export const COMPLETION_ENDPOINT = 'POST /api/v1/cases/{ärendets id}/completion';

export function returnForCompletionEmail(facts: ReturnFacts, region: RegionFacts): Email {
  const action = CASE_ACTION[facts.caseType];
  const shielded = facts.protectedIdentity === true;
  const reasons = facts.reasons.length > 0 && !shielded ? facts.reasons : ['Se ärendets tidslinje i systemet.'];
  const text = body([
    `${NOT_DONE[facts.caseType]} Ärendet väntar på komplettering.`,
    '',
    greeting(facts.requestingUnit, shielded),
    '',
    `Er begäran om ${action} på 1177, ärende ${facts.registryNumber}, har skickats i retur för komplettering ${stockholmTime(facts.at)}.`,
    'Ärendet handläggs vidare först när kompletteringen har kommit in. Ingenting har ändrats på 1177.',
    '',
    ...(shielded ? [PROTECTED_LINE, ''] : []),
    ...section('Det här behöver kompletteras:', reasons),
    'Så kompletterar ni:',
    ...bullets([
      `Komplettera ärendet i systemet: öppna ärende ${facts.registryNumber} och välj ”Komplettera ärendet” (${COMPLETION_ENDPOINT}).`,
      'Kompletteringen görs av den som begärde ärendet och hör till samma ärende: skicka inte in en ny begäran.',
    ]),
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail),
    subject: `Retur för komplettering: ${action} på 1177 – ${facts.registryNumber}`,
    text,
  };
}
