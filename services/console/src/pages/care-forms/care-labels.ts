import type { GuardianBlockStatus, ReviewOutcome, ReviewStatus, UnlockReason } from '@accessdesk/contracts';

// The Swedish words for the vocabularies of the clinician's and the unit head's pages (unlock, review,
// guardian block), beside views/labels.ts so that the role pages merge without touching each other.

/** R11: why a lock (or seal) is no longer needed, as on the unlock form. */
export const UNLOCK_REASON_LABELS: Record<UnlockReason, string> = {
  NEED_NO_LONGER_EXISTS: 'Behovet av låsning har upphört',
  THREAT_NO_LONGER_EXISTS: 'Hotbilden har upphört',
  HARM_NO_LONGER_EXPECTED: 'Risken för allvarlig psykisk skada finns inte längre',
  CAN_HANDLE_DIGITAL_INFORMATION_AGAIN: 'Invånaren kan åter hantera digital information',
  HAS_E_ID_AND_MEANS_NOW: 'Invånaren har nu e-legitimation och möjlighet att använda digitala tjänster',
  RESIDENT_WISHES_DIGITAL_CONTACT: 'Invånaren (eller ställföreträdaren) vill ha digital kontakt igen och enheten instämmer',
  SEAL_NO_LONGER_NEEDED: 'Förseglingen behövs inte längre',
};

/** The unlock reasons of a login unlock (the seal's own reason belongs to an unseal). */
export const LOGIN_UNLOCK_REASON_LABELS: Partial<Record<UnlockReason, string>> = Object.fromEntries(
  Object.entries(UNLOCK_REASON_LABELS).filter(([reason]) => reason !== 'SEAL_NO_LONGER_NEEDED'),
);

/** R9: a review's state, as the unit reads it. */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  SCHEDULED: 'Planerad',
  REMINDED: 'Påmind',
  ESCALATED: 'Eskalerad till verksamhetschefen',
  DECIDED: 'Beslutad',
  LIFTED: 'Låsningen är hävd',
};

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  KEEP_LOCKED: 'Låsningen behålls',
  UNLOCK: 'Inloggningen låses upp',
};

/** R18–R20: a guardian block's state. */
export const GUARDIAN_BLOCK_STATUS_LABELS: Record<GuardianBlockStatus, string> = {
  RECEIVED: 'Mottagen',
  EXECUTING: 'Utförs',
  BLOCKED: 'Blockerad',
  NOT_APPLICABLE: 'Ej tillämplig',
  FAILED: 'Misslyckad',
  ALREADY_IN_EFFECT: 'Gäller redan (skyddade personuppgifter, R20)',
  UNBLOCKING: 'Blockeringen hävs',
  UNBLOCKED: 'Blockeringen är hävd',
  CLOSED: 'Avslutad',
};
