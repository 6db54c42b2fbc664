// What every e-mail to staff shares: plain Swedish text, Swedish local time, bullets, and the
// signature of the region's desk (R24: the desk's name is configuration, not code). An e-mail names
// a case by its registry number only; no template is given a personnummer or a resident's name.
import { IntakeCaseType, swedishDate, swedishDateTime } from '@accessdesk/contracts';
import { RegionConfig, redactIdentityNumbers } from '@accessdesk/platform';

/** A written e-mail: who gets it and what it says. */
export interface Email {
  to: string[];
  subject: string;
  text: string;
}

/** What of a region's configuration the e-mails use (R24). */
export type RegionFacts = Pick<RegionConfig, 'name' | 'serviceDesk' | 'contactCentre' | 'feedbackCopyTo'>;

/** Which of the region's desks signs: the service desk, or the contact centre for guardian blocks. */
export type SigningDesk = 'serviceDesk' | 'contactCentre';

/** What a case asks for, as it reads after "begäran om …". */
export const CASE_ACTION: Record<IntakeCaseType, string> = {
  LOGIN_LOCK: 'låsning av inloggning',
  LOGIN_UNLOCK: 'upplåsning av inloggning',
  JOURNAL_SEAL: 'försegling av journal',
  JOURNAL_UNSEAL: 'hävning av försegling',
};

/**
 * R8: what a case that did not reach its effect on 1177 has NOT done, said plainly and first, so
 * that a clinician never believes a resident locked (or sealed) who is not.
 */
export const NOT_DONE: Record<IntakeCaseType, string> = {
  LOGIN_LOCK: 'Invånarens inloggning till 1177 är INTE låst.',
  LOGIN_UNLOCK: 'Invånarens inloggning till 1177 har INTE låsts upp.',
  JOURNAL_SEAL: 'Invånarens journal på 1177 är INTE förseglad.',
  JOURNAL_UNSEAL: 'Förseglingen av invånarens journal på 1177 har INTE hävts.',
};

/** NOT_DONE as it reads in a subject line. */
export const NOT_DONE_SUBJECT: Record<IntakeCaseType, string> = {
  LOGIN_LOCK: 'inloggningen är INTE låst',
  LOGIN_UNLOCK: 'inloggningen har INTE låsts upp',
  JOURNAL_SEAL: 'journalen är INTE förseglad',
  JOURNAL_UNSEAL: 'förseglingen har INTE hävts',
};

/** What it means for the resident that nothing was done on 1177. */
export const AS_BEFORE: Record<IntakeCaseType, string> = {
  LOGIN_LOCK: 'Invånaren kan logga in på 1177 e-tjänster som tidigare.',
  LOGIN_UNLOCK: 'Låsningen av invånarens inloggning gäller som tidigare.',
  JOURNAL_SEAL: 'Journalen på 1177 är åtkomlig för invånaren som tidigare.',
  JOURNAL_UNSEAL: 'Förseglingen av journalen gäller som tidigare.',
};

/**
 * Issue 8 point 7: the resident has a protected identity (skyddade personuppgifter). The e-mail then
 * carries nothing that could locate them: no unit or care provider names, no free text, no other
 * region; only the registry number, the type, the outcome and what to do next, and this line.
 */
export const PROTECTED_LINE =
  'Invånaren har skyddade personuppgifter. Därför innehåller meddelandet bara diarienummer, typ av ärende, utfall och vad ni behöver göra: detaljerna finns i ärendet i systemet.';

/** The greeting: the unit by name, unless the resident's identity is protected (the unit could locate them). */
export function greeting(unit: { name: string }, protectedIdentity?: boolean | null): string {
  return protectedIdentity ? 'Hej,' : `Hej ${unit.name},`;
}

/** How to reach the region's service desk (R24): its name, e-mail address and, when configured, phone. */
export function deskContact(region: RegionFacts): string {
  const { name, email, phone } = region.serviceDesk;
  return `${name}, ${email}${phone ? `, telefon ${phone}` : ''}`;
}

/** `2026-11-20 kl. 10:05` in Swedish local time, whatever the server's time zone. */
export const stockholmTime = (iso: string): string => swedishDateTime(iso);

/** `2026-11-20`, the Swedish calendar day. */
export const stockholmDate = (iso: string): string => swedishDate(iso);

export function bullets(lines: readonly string[]): string[] {
  return lines.map((line) => `• ${line}`);
}

/** A heading and its bullets followed by a blank line, or nothing when there are no lines. */
export function section(heading: string, lines: readonly string[]): string[] {
  return lines.length > 0 ? [heading, ...bullets(lines), ''] : [];
}

/** The line that tells staff how to refer to the case without any personal data in the e-mail. */
export function referenceLine(registryNumber: string, about = 'invånaren'): string {
  return `Meddelandet innehåller inga uppgifter om ${about}. Hänvisa till diarienummer ${registryNumber} vid frågor om ärendet.`;
}

/** R24: signed with the name the region gives its desk, not one fixed name for every region. */
export function signature(region: RegionFacts, desk: SigningDesk = 'serviceDesk'): string[] {
  return ['Med vänlig hälsning', region[desk].name, region.name, '', 'Det här meddelandet går inte att svara på.'];
}

/**
 * The addresses once each, in the order given: an address listed twice (the unit head who is also
 * the requester, a desk that shares a mailbox) gets one copy. E-mail addresses compare without case.
 */
export function recipients(...addresses: ReadonlyArray<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const address of addresses) {
    if (!address) continue;
    const key = address.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(address.trim());
  }
  return unique;
}

/** Joins the lines into the body; the body ends with a newline. */
export function body(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/**
 * The safety net before an e-mail is queued: the events carry no personnummer, but free text from
 * other services (a return's reasons quoting an operator's note, effects, unit names) is not ours to
 * vouch for, so anything shaped like a personnummer or samordningsnummer is masked, as in log lines.
 */
export function withoutIdentityNumbers(email: Email): Email {
  return { ...email, subject: redactIdentityNumbers(email.subject), text: redactIdentityNumbers(email.text) };
}
