// R4 Avvisat ärende: a check on receipt refused the case outright (e.g. the signer's private care
// provider is not on the region's approved list). Unlike a return, the case ends here: the unit
// head is told, first, what was NOT done (R8), then why and that a new request is needed if the
// action is still wanted. Issue 8 point 7: with a protected identity, no unit name and no reasons.
import { CaseRefusedV1 } from '@accessdesk/contracts';
import { CASE_ACTION, Email, NOT_DONE, PROTECTED_LINE, RegionFacts, body, greeting, recipients, referenceLine, section, signature, stockholmTime } from '../mail/email-text';

export type RefusalFacts = Pick<CaseRefusedV1, 'registryNumber' | 'caseType' | 'reasons' | 'requestingUnit' | 'at' | 'protectedIdentity'>;

export function refusalEmail(facts: RefusalFacts, region: RegionFacts): Email {
  const action = CASE_ACTION[facts.caseType];
  const shielded = facts.protectedIdentity === true;
  const text = body([
    NOT_DONE[facts.caseType],
    '',
    greeting(facts.requestingUnit, shielded),
    '',
    `Er begäran om ${action} på 1177, ärende ${facts.registryNumber}, har avvisats ${stockholmTime(facts.at)}.`,
    'Ärendet är avslutat och ingenting har ändrats på 1177.',
    '',
    ...(shielded ? [PROTECTED_LINE, ''] : section('Skäl till att ärendet avvisades:', facts.reasons)),
    `Behövs åtgärden fortfarande ska en ny begäran göras som uppfyller kraven${shielded ? ' (skälen står i ärendet)' : ' ovan'}. Ange då diarienummer ` +
      `${facts.registryNumber} så att ärendena kan kopplas ihop.`,
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail),
    subject: `Avvisat ärende: ${action} på 1177 – ${facts.registryNumber}`,
    text,
  };
}
