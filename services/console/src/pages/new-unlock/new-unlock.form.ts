import type { CaseRequest } from '@accessdesk/contracts';
import { SignedInUser } from '../../session/session';
import { CareFormValues, LOCK_FIELDS, blankCareForm, readCareForm } from '../care-forms/decision-form';
import { lockRequestFrom } from '../new-lock/new-lock.form';

/**
 * The unlock form (blankett "Låsa upp konto"): the lock form's fields, a new assessment and a
 * documented decision as for a lock (R11), with the reasons of an unlock, and the lock it lifts
 * (R10, 000 §6.11). `relatedCaseId` may be left out: intake finds the resident's lock in effect.
 */
export const UNLOCK_FIELDS = { ...LOCK_FIELDS, 'decision.reasons': 'Skäl för upplåsning', relatedCaseId: 'Låsningen som hävs' } as const;

/** Extras: the lock's case id (sent) and its registry number (shown again after a problem, not sent). */
export const UNLOCK_EXTRAS = ['relatedCaseId', 'lockRegistryNumber'] as const;

export function blankUnlockForm(user: SignedInUser, now: Date, idempotencyKey: string, lock?: { id: string; registryNumber: string }): CareFormValues {
  return blankCareForm(user, now, idempotencyKey, lock ? { relatedCaseId: lock.id, lockRegistryNumber: lock.registryNumber } : {});
}

export function readUnlockForm(body: Record<string, unknown>): CareFormValues {
  return readCareForm(body, UNLOCK_EXTRAS);
}

/** POST /api/v1/cases for a LOGIN_UNLOCK: the lock form's request with the unlock's type and the lock it lifts. */
export function unlockRequestFrom(v: CareFormValues): CaseRequest {
  const related = (v.extra.relatedCaseId ?? '').trim();
  return { ...lockRequestFrom(v), type: 'LOGIN_UNLOCK', relatedCaseId: related === '' ? null : related };
}
