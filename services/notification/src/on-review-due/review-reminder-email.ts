// R9 Omprövning: three months after a lock was executed, the requesting staff re-assess it and
// choose KEEP_LOCKED (nothing more happens) or UNLOCK. R11: an unlock is never automatic; it needs a
// new assessment and a documented decision, as a lock does. The reminder goes to the requester when
// the form gave an address, otherwise to the unit head.
import { ReviewDueV1 } from '@accessdesk/contracts';
import { Email, RegionFacts, body, bullets, recipients, referenceLine, signature, stockholmDate } from '../mail/email-text';

export type ReviewFacts = Pick<ReviewDueV1, 'registryNumber' | 'requestingUnit' | 'requesterEmail' | 'dueAt'>;

/** R9 and R11: the two outcomes of a review, as both review e-mails word them. */
export const REVIEW_OPTIONS = [
  'Behåll låsningen: bedömningen är att behovet kvarstår. Dokumentera bedömningen i journalen; inget mer behöver göras.',
  'Lås upp: upplåsning kräver en ny bedömning och ett dokumenterat beslut, med samma krav som vid en låsning. Låsningen hävs aldrig automatiskt.',
];

/** R9: where the outcome is recorded. */
export function reviewDecisionLine(registryNumber: string): string {
  return `Registrera utfallet i systemet under Omprövningar, för ärende ${registryNumber}.`;
}

export function reviewReminderEmail(facts: ReviewFacts, region: RegionFacts): Email {
  const text = body([
    'Hej,',
    '',
    `Det här är en påminnelse till ${facts.requestingUnit.name} om omprövning i ärende ${facts.registryNumber}.`,
    '',
    `Invånarens inloggning på 1177 e-tjänster låstes på er begäran. Låsningen ska omprövas senast ${stockholmDate(facts.dueAt)} ` +
      'av begärande vårdpersonal: bedöm om behovet av låst inloggning kvarstår.',
    '',
    'Välj ett av två utfall:',
    ...bullets(REVIEW_OPTIONS),
    '',
    reviewDecisionLine(facts.registryNumber),
    'Görs ingen omprövning går en påminnelse till verksamhetschefen.',
    '',
    referenceLine(facts.registryNumber),
    '',
    ...signature(region),
  ]);
  return {
    to: recipients(facts.requesterEmail ?? facts.requestingUnit.headEmail),
    subject: `Påminnelse: omprövning av låst inloggning på 1177 – ${facts.registryNumber}`,
    text,
  };
}
