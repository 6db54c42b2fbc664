// R12 Akut låsning: an emergency lock phoned in to the service desk is executed at once and its form
// follows afterwards, sent by staff, or by the resident when the lock was at the resident's own
// request (000 §2). When the form has not arrived after the region's first period (R24), the
// requesting unit's head is reminded; for a resident's form the unit is asked to follow it up.
import { PaperworkOverdueV1 } from '@accessdesk/contracts';
import { Email, RegionFacts, body, recipients, referenceLine, signature, stockholmTime } from '../mail/email-text';

export type PaperworkFacts = Pick<PaperworkOverdueV1, 'registryNumber' | 'sender' | 'requestingUnit' | 'pendingSince'>;

/** What the case is, in one sentence: the same in the reminder and the escalation. */
export function emergencyLockLine(facts: PaperworkFacts, region: RegionFacts): string {
  return (
    `Invånarens inloggning på 1177 e-tjänster låstes akut efter ett samtal till ${region.serviceDesk.name} ` +
    `(ärende ${facts.registryNumber}, ${stockholmTime(facts.pendingSince)}).`
  );
}

/** Who owes the form (000 §2), and what the unit is asked to do, as it reads after "att". */
export function owedForm(facts: PaperworkFacts, region: RegionFacts): { whoSends: string; todo: string } {
  const sendTo = `till ${region.serviceDesk.name} med diarienummer ${facts.registryNumber}`;
  return facts.sender === 'RESIDENT'
    ? {
        whoSends: 'Låsningen gjordes på invånarens egen begäran, och invånaren skickar blanketten i efterhand.',
        todo: `följa upp med invånaren att blanketten skickas in ${sendTo}`,
      }
    : {
        whoSends: 'Låsningen gjordes på vårdpersonalens begäran, och verksamheten skickar blanketten i efterhand.',
        todo: `skicka den signerade blanketten ${sendTo}`,
      };
}

export function paperworkReminderEmail(facts: PaperworkFacts, region: RegionFacts): Email {
  const { whoSends, todo } = owedForm(facts, region);
  const text = body([
    `Hej ${facts.requestingUnit.name},`,
    '',
    emergencyLockLine(facts, region),
    'Blanketten som ska komma in i efterhand har ännu inte kommit.',
    '',
    whoSends,
    `Vi ber er att ${todo}. Låsningen gäller under tiden.`,
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail),
    subject: `Påminnelse: blankett saknas för akut låsning på 1177 – ${facts.registryNumber}`,
    text,
  };
}
