// R12 Escalation: the form of an emergency lock is still missing after the region's second period
// (R24), so both the unit head and the region's service desk mailbox are told: the unit to send or
// chase the form, the desk to follow the case up.
import { Email, RegionFacts, body, recipients, referenceLine, signature } from '../mail/email-text';
import { PaperworkFacts, emergencyLockLine, owedForm } from './paperwork-reminder-email';

export function paperworkEscalationEmail(facts: PaperworkFacts, region: RegionFacts): Email {
  const desk = region.serviceDesk.name;
  const { whoSends, todo } = owedForm(facts, region);
  const text = body([
    `Hej ${facts.requestingUnit.name} och ${desk},`,
    '',
    emergencyLockLine(facts, region),
    `Blanketten som ska komma in i efterhand saknas fortfarande, trots påminnelse. Ärendet eskaleras därför till verksamhetschefen och till ${desk}.`,
    '',
    whoSends,
    `Verksamheten ombeds att ${todo}.`,
    `${desk} ombeds att följa upp ärendet med verksamheten.`,
    '',
    'Låsningen gäller under tiden.',
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail, region.serviceDesk.email),
    subject: `Eskalering: blankett saknas för akut låsning på 1177 – ${facts.registryNumber}`,
    text,
  };
}
