// R8 Feedback (återkoppling): when a case is concluded, the requesting unit's head is told what was
// done, what it means for the resident (R17) and, for a lock, that it is reviewed after three
// months (R9). Plain Swedish text. The e-mail names the case by its registry number only: it never
// carries the resident's personnummer or name (the event does not hold them either).
import { CaseConcludedV1, ExecutionOutcome, IntakeCaseType } from '@accessdesk/contracts';

export type FeedbackOutcome = Exclude<ExecutionOutcome, 'FAILED'>;

export type FeedbackFacts = Pick<CaseConcludedV1, 'registryNumber' | 'caseType' | 'concludedAt' | 'requestingUnit' | 'effects' | 'advice'> & {
  outcome: FeedbackOutcome;
};

export interface FeedbackEmail {
  subject: string;
  text: string;
}

const TIME_ZONE = 'Europe/Stockholm';

const ACTION: Record<IntakeCaseType, string> = {
  LOGIN_LOCK: 'låsning av inloggning',
  LOGIN_UNLOCK: 'upplåsning av inloggning',
  JOURNAL_SEAL: 'försegling av journal',
  JOURNAL_UNSEAL: 'hävning av försegling',
};

const RESULT: Record<FeedbackOutcome, string> = {
  EXECUTED: 'verkställd',
  NOT_APPLICABLE: 'ej aktuell – invånaren saknar konto på 1177',
};

/** R9: an executed lock is reviewed by the requesting staff after three months. */
export const REVIEW_LINE = 'Låsningen ska omprövas efter tre månader av begärande vårdpersonal.';

const SIGNATURE = ['Med vänlig hälsning', 'Servicedesken för 1177 e-tjänster', '', 'Det här meddelandet går inte att svara på.'];

export function isFeedbackOutcome(outcome: ExecutionOutcome): outcome is FeedbackOutcome {
  return outcome === 'EXECUTED' || outcome === 'NOT_APPLICABLE';
}

/** `2026-11-20 kl. 10:05` in Swedish local time, whatever the server's time zone. */
export function stockholmTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} kl. ${parts.hour}:${parts.minute}`;
}

function bullets(lines: readonly string[]): string[] {
  return lines.map((line) => `• ${line}`);
}

function section(heading: string, lines: readonly string[]): string[] {
  return lines.length > 0 ? [heading, ...bullets(lines), ''] : [];
}

export function feedbackEmail(facts: FeedbackFacts): FeedbackEmail {
  const action = ACTION[facts.caseType];
  const when = stockholmTime(facts.concludedAt);
  const reviewed = facts.caseType === 'LOGIN_LOCK' && facts.outcome === 'EXECUTED';
  const advice = reviewed ? facts.advice.filter((line) => line.trim() !== REVIEW_LINE) : facts.advice;
  const result =
    facts.outcome === 'EXECUTED'
      ? [`Er begäran om ${action} på 1177 är verkställd ${when}.`]
      : [
          `Er begäran om ${action} på 1177 är ej aktuell: invånaren saknar konto på 1177, så ingenting har ändrats.`,
          `Beskedet kom ${when}.`,
        ];
  const text = [
    `Hej ${facts.requestingUnit.name},`,
    '',
    `Det här är återkoppling till verksamhetschefen om ärende ${facts.registryNumber}.`,
    '',
    ...result,
    '',
    ...section('Det innebär:', facts.effects),
    ...section('Att tänka på:', advice),
    ...(reviewed ? ['Omprövning:', REVIEW_LINE, ''] : []),
    `Meddelandet innehåller inga uppgifter om invånaren. Hänvisa till diarienummer ${facts.registryNumber} vid frågor om ärendet.`,
    '',
    ...SIGNATURE,
  ].join('\n');
  return { subject: `Återkoppling: ${action} på 1177 ${RESULT[facts.outcome]} – ${facts.registryNumber}`, text: `${text}\n` };
}
