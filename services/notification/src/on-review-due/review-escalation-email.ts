// R9 Escalation: a lock's review is still undecided a period after its due date, so the unit head
// (verksamhetschef) is told and sees to it that someone with authority re-assesses the lock.
import { Email, RegionFacts, body, bullets, recipients, referenceLine, signature, stockholmDate } from '../mail/email-text';
import { REVIEW_OPTIONS, ReviewFacts, reviewDecisionLine } from './review-reminder-email';

export function reviewEscalationEmail(facts: ReviewFacts, region: RegionFacts): Email {
  const text = body([
    `Hej ${facts.requestingUnit.name},`,
    '',
    `Omprövningen av låsningen i ärende ${facts.registryNumber} skulle ha gjorts senast ${stockholmDate(facts.dueAt)} men är ännu inte gjord.`,
    'Påminnelsen till begärande vårdpersonal har inte gett något utfall, och ärendet går därför till verksamhetschefen.',
    '',
    'Se till att omprövningen görs av begärande vårdpersonal eller annan behörig beslutsfattare (legitimerad personal med ' +
      'behandlingsansvar, verksamhetschef eller medicinskt ansvarig läkare), med ett av två utfall:',
    ...bullets(REVIEW_OPTIONS),
    '',
    reviewDecisionLine(facts.registryNumber),
    'Till dess är invånarens inloggning fortsatt låst.',
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requestingUnit.headEmail),
    subject: `Försenad omprövning av låst inloggning på 1177 – ${facts.registryNumber}`,
    text,
  };
}
