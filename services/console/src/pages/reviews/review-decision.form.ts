import type { ReviewDecisionRequest, ReviewOutcome } from '@accessdesk/contracts';
import { SignedInUser } from '../../session/session';
import { CareFormValues, LOCK_FIELDS, blankCareForm, readCareForm } from '../care-forms/decision-form';
import { lockRequestFrom } from '../new-lock/new-lock.form';

/**
 * The review decision (R9, R11), as POST /api/v1/reviews/{id}/decision takes it. KEEP_LOCKED is the
 * documented decision only; UNLOCK is a new assessment as for a lock: it also carries the patient's
 * information (R3), the signature, and the resident's name as on the form (the personnummer is the
 * lock's: the console never asks for it here). The fields are the lock form's, by the same JSON paths.
 */
const DECISION_FIELDS = {
  'decision.decidedBy.hsaId': LOCK_FIELDS['decision.decidedBy.hsaId'],
  'decision.decidedBy.name': LOCK_FIELDS['decision.decidedBy.name'],
  'decision.decidedBy.role': LOCK_FIELDS['decision.decidedBy.role'],
  'decision.decidedAt': LOCK_FIELDS['decision.decidedAt'],
  'decision.reasons': LOCK_FIELDS['decision.reasons'],
  'decision.motivation': LOCK_FIELDS['decision.motivation'],
  'decision.journalNoteRef': LOCK_FIELDS['decision.journalNoteRef'],
  'decision.chiefPhysicianInformedAt': LOCK_FIELDS['decision.chiefPhysicianInformedAt'],
} as const;

export const KEEP_FIELDS = { ...DECISION_FIELDS, 'decision.reasons': 'Skäl som fortfarande gäller' } as const;

export const UNLOCK_ON_REVIEW_FIELDS = {
  ...DECISION_FIELDS,
  'decision.reasons': 'Skäl för upplåsning',
  residentName: 'Invånarens namn',
  'patientInformed.informed': LOCK_FIELDS['patientInformed.informed'],
  'patientInformed.reasonIfNot': LOCK_FIELDS['patientInformed.reasonIfNot'],
  'signature.signedBy': LOCK_FIELDS['signature.signedBy'],
  'signature.signedAt': LOCK_FIELDS['signature.signedAt'],
} as const;

export function fieldsOf(outcome: ReviewOutcome): Readonly<Record<string, string>> {
  return outcome === 'KEEP_LOCKED' ? KEEP_FIELDS : UNLOCK_ON_REVIEW_FIELDS;
}

export function blankReviewForm(user: SignedInUser, now: Date, idempotencyKey: string): CareFormValues {
  return blankCareForm(user, now, idempotencyKey, { residentName: '' });
}

export function readReviewForm(body: Record<string, unknown>): CareFormValues {
  return readCareForm(body, ['residentName']);
}

/** The request body: the lock form's decision (and for UNLOCK its patient information and signature). */
export function reviewDecisionFrom(outcome: ReviewOutcome, v: CareFormValues): ReviewDecisionRequest {
  const filed = lockRequestFrom(v);
  if (outcome === 'KEEP_LOCKED') return { outcome, decision: filed.decision };
  return { outcome, decision: filed.decision, patientInformed: filed.patientInformed, signature: filed.signature, residentName: (v.extra.residentName ?? '').trim() };
}
