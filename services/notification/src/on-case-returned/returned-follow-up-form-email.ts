// R12 R4 Retur av blanketten efter en nödspärr: the lock was executed at once, and the form that
// followed it failed the checks on receipt. Unlike a case returned before execution, the lock is in
// effect and stays so; what is asked for is a corrected form, sent to the service desk, which records
// it. Reminders go on until a form passes. No personal data: the registry number only.
import { CaseReturnedV1 } from '@accessdesk/contracts';
import { Email, RegionFacts, body, bullets, recipients, referenceLine, section, signature, stockholmTime } from '../mail/email-text';

export type ReturnedFormFacts = Pick<CaseReturnedV1, 'registryNumber' | 'reasons' | 'requestingUnit' | 'at'>;

export function returnedFollowUpFormEmail(facts: ReturnedFormFacts, region: RegionFacts): Email {
  const reasons = facts.reasons.length > 0 ? facts.reasons : ['Se ärendets tidslinje i systemet.'];
  const desk = region.serviceDesk;
  const text = body([
    `Hej ${facts.requestingUnit.name},`,
    '',
    `Blanketten som ska följa nödspärren i ärende ${facts.registryNumber} har skickats i retur för komplettering ${stockholmTime(facts.at)}.`,
    'Låsningen av inloggningen på 1177 är verkställd och gäller som förut. Det som saknas är en godkänd blankett.',
    '',
    ...section('Det här behöver rättas på blanketten:', reasons),
    'Så kompletterar ni:',
    ...bullets([
      `Skicka en rättad blankett till ${desk.name}${desk.email ? ` (${desk.email})` : ''} och ange diarienummer ${facts.registryNumber}.`,
      'Påminnelser fortsätter tills en blankett som klarar kontrollerna har kommit in.',
    ]),
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail),
    subject: `Retur för komplettering: blanketten efter nödspärren – ${facts.registryNumber}`,
    text,
  };
}
