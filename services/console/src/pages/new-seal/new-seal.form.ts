import type { CaseRequest, SealScopeDto } from '@accessdesk/contracts';
import { SignedInUser } from '../../session/session';
import { CareFormValues, LOCK_FIELDS, blankCareForm, fromLocalDateOrTime, linesOf, readCareForm } from '../care-forms/decision-form';
import { lockRequestFrom } from '../new-lock/new-lock.form';

/**
 * The journal seal form (R21, 004): the lock form's fields (the same decision, R1–R3) and what to
 * seal: the whole online journal, or named care providers and units, optionally for a period.
 */
export const SEAL_FIELDS = {
  ...LOCK_FIELDS,
  'sealScope.whole': 'Vad ska förseglas',
  'sealScope.careProviders': 'Vårdgivare (HSA-id)',
  'sealScope.careUnits': 'Vårdenheter (HSA-id)',
  'sealScope.from': 'Förseglingen gäller från',
  'sealScope.to': 'Förseglingen gäller till',
} as const;

export const SEAL_EXTRAS = ['sealScope.whole', 'sealScope.careProviders', 'sealScope.careUnits', 'sealScope.from', 'sealScope.to'] as const;

/** Better sentences than the generic ones for the seal's own fields. */
export const SEAL_MESSAGES: Readonly<Record<string, string>> = {
  'sealScope.careProviders': 'Ange vårdgivarnas HSA-id, ett per rad, till exempel SE2321000131-E000000000000.',
  'sealScope.careUnits': 'Ange vårdenheternas HSA-id, ett per rad, till exempel SE2321000131-E000000000001.',
  'sealScope.from': 'Ange ett datum, till exempel 2026-12-01, eller lämna tomt.',
  'sealScope.to': 'Ange ett datum, till exempel 2027-06-01, eller lämna tomt.',
};

export function blankSealForm(user: SignedInUser, now: Date, idempotencyKey: string): CareFormValues {
  return blankCareForm(user, now, idempotencyKey);
}

export function readSealForm(body: Record<string, unknown>): CareFormValues {
  return readCareForm(body, SEAL_EXTRAS);
}

/**
 * POST /api/v1/cases for a JOURNAL_SEAL. "Hela journalen" sends `whole: true` and no names; "named"
 * sends the HSA-ids (one per line). Unanswered sends a scope without either, which intake answers
 * with `seal-scope-missing` beside the question.
 */
export function sealRequestFrom(v: CareFormValues): CaseRequest {
  const choice = v.extra['sealScope.whole'];
  const period = { from: fromLocalDateOrTime(v.extra['sealScope.from']), to: fromLocalDateOrTime(v.extra['sealScope.to']) };
  let sealScope: SealScopeDto = { ...period };
  if (choice === 'whole') sealScope = { whole: true, ...period };
  if (choice === 'named') sealScope = { whole: false, careProviders: linesOf(v.extra['sealScope.careProviders']), careUnits: linesOf(v.extra['sealScope.careUnits']), ...period };
  return { ...lockRequestFrom(v), type: 'JOURNAL_SEAL', sealScope };
}
