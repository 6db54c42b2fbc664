// R4 Avvisat ärende: a check on receipt refused the case outright (e.g. the signer's private care
// provider is not on the region's approved list). Unlike a return, the case ends here: the unit
// head is told why and that a new request is needed if the action is still wanted.
import { CaseRefusedV1 } from '@accessdesk/contracts';
import { CASE_ACTION, Email, RegionFacts, body, recipients, referenceLine, section, signature, stockholmTime } from '../mail/email-text';

export type RefusalFacts = Pick<CaseRefusedV1, 'registryNumber' | 'caseType' | 'reasons' | 'requestingUnit' | 'at'>;

export function refusalEmail(facts: RefusalFacts, region: RegionFacts): Email {
  const action = CASE_ACTION[facts.caseType];
  const text = body([
    `Hej ${facts.requestingUnit.name},`,
    '',
    `Er begäran om ${action} på 1177, ärende ${facts.registryNumber}, har avvisats ${stockholmTime(facts.at)}.`,
    'Ärendet är avslutat och ingenting har ändrats på 1177.',
    '',
    ...section('Skäl till att ärendet avvisades:', facts.reasons),
    'Behövs åtgärden fortfarande ska en ny begäran göras som uppfyller kraven ovan. Ange då diarienummer ' +
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
