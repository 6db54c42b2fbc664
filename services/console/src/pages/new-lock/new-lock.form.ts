import type { CaseRequest, DecisionRole, StaffRole } from '@accessdesk/contracts';
import { fromSwedishWallClock, swedishWallClock } from '@accessdesk/contracts';
import { SignedInUser } from '../../session/session';

/**
 * The lock request form (blankett "Låsa konto"), field by field as POST /api/v1/cases takes it. Each
 * field's name is its JSON path in the request, which is how the gateway's problems find their field.
 */
export const LOCK_FIELDS = {
  'resident.personnummer': 'Personnummer',
  'resident.name': 'Invånarens namn',
  channel: 'Hur begäran kom in',
  'initiator.kind': 'Vem tog initiativet',
  'initiator.description': 'Om initiativtagaren',
  'decision.decidedBy.hsaId': 'Beslutsfattarens HSA-id',
  'decision.decidedBy.name': 'Beslutsfattarens namn',
  'decision.decidedBy.role': 'Beslutsfattarens roll',
  'decision.decidedAt': 'Beslutet fattades',
  'decision.reasons': 'Skäl',
  'decision.motivation': 'Motivering',
  'decision.journalNoteRef': 'Journalanteckning',
  'decision.chiefPhysicianInformedAt': 'Chefläkaren informerades',
  'patientInformed.informed': 'Har patienten informerats',
  'patientInformed.reasonIfNot': 'Varför patienten inte informerats',
  'signature.signedBy': 'Undertecknad av (HSA-id)',
  'signature.signedAt': 'Undertecknad',
  'requestingUnit.hsaId': 'Begärande enhetens HSA-id',
  'requestingUnit.name': 'Begärande enhetens namn',
  'requestingUnit.headEmail': 'Verksamhetschefens e-post',
} as const;

export type LockField = keyof typeof LOCK_FIELDS;
/** The form as posted (and as shown again after a problem): text per field, the reasons as a list. */
export type LockFormValues = Partial<Record<LockField, string>> & { reasons: string[]; idempotencyKey: string };

const DECISION_ROLE_OF: Partial<Record<StaffRole, DecisionRole>> = { clinician: 'CLINICIAN', unit_head: 'UNIT_HEAD', medical_lead: 'MEDICAL_LEAD' };

/**
 * Dates and times are plain text fields (`2026-11-20 10:00`, Swedish time) rather than datetime-local:
 * typed the same way in every browser and with every assistive technology, and shown as written.
 */
export function toLocalInput(at: Date): string {
  const w = swedishWallClock(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/** `2026-11-20 10:00` (or with a T) read as Swedish time, as ISO 8601 UTC; anything else is sent as it is, and the gateway names the field. */
export function fromLocalInput(value: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ]\s*(\d{1,2})[:.](\d{2})$/.exec(value?.trim() ?? '');
  if (!m) return value?.trim() ?? '';
  const [, year, month, day, hour, minute] = m.map(Number) as [number, number, number, number, number, number];
  return fromSwedishWallClock({ year, month, day, hour, minute, second: 0 }).toISOString();
}

/** A new form: the signed-in person as decision maker and signer, their unit as the requesting unit. */
export function blankLockForm(user: SignedInUser, now: Date, idempotencyKey: string): LockFormValues {
  const role = user.roles.map((r) => DECISION_ROLE_OF[r]).find(Boolean);
  return {
    reasons: [],
    idempotencyKey,
    channel: 'FORM',
    'initiator.kind': 'STAFF',
    'decision.decidedBy.hsaId': user.sub,
    'decision.decidedBy.name': user.name,
    'decision.decidedBy.role': role ?? 'CLINICIAN',
    'decision.decidedAt': toLocalInput(now),
    'signature.signedBy': user.sub,
    'signature.signedAt': toLocalInput(now),
    'requestingUnit.hsaId': user.unit ?? '',
  };
}

/** The posted form's values: only the form's own fields, as text. */
export function readLockForm(body: Record<string, unknown>): LockFormValues {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const values: LockFormValues = { reasons: [], idempotencyKey: text(body.idempotencyKey) ?? '' };
  for (const field of Object.keys(LOCK_FIELDS) as LockField[]) {
    if (field === 'decision.reasons') continue;
    const v = text(body[field]);
    if (v !== undefined) values[field] = v;
  }
  const reasons = body['decision.reasons'];
  values.reasons = (Array.isArray(reasons) ? reasons : [reasons]).filter((r): r is string => typeof r === 'string');
  return values;
}

/** The request body of POST /api/v1/cases. Nothing is judged here: the gateway and intake do that. */
export function lockRequestFrom(v: LockFormValues): CaseRequest {
  const t = (field: LockField): string => (v[field] ?? '').trim();
  const optional = (field: LockField): string | null => (t(field) === '' ? null : t(field));
  const informed = t('patientInformed.informed');
  return {
    type: 'LOGIN_LOCK',
    resident: { personnummer: t('resident.personnummer').replace(/[-+\s]/g, ''), name: t('resident.name') },
    channel: t('channel') as CaseRequest['channel'],
    initiator: { kind: t('initiator.kind') as CaseRequest['initiator']['kind'], description: t('initiator.description') },
    decision: {
      decidedBy: { hsaId: t('decision.decidedBy.hsaId'), name: t('decision.decidedBy.name'), role: t('decision.decidedBy.role') as DecisionRole },
      decidedAt: fromLocalInput(v['decision.decidedAt']),
      reasons: v.reasons as CaseRequest['decision']['reasons'],
      motivation: t('decision.motivation'),
      journalNoteRef: optional('decision.journalNoteRef'),
      chiefPhysicianInformedAt: optional('decision.chiefPhysicianInformedAt') === null ? null : fromLocalInput(v['decision.chiefPhysicianInformedAt']),
    },
    // Unanswered is sent as not a boolean, so that the gateway names the field.
    patientInformed: { informed: (informed === 'yes' ? true : informed === 'no' ? false : informed) as boolean, reasonIfNot: optional('patientInformed.reasonIfNot') },
    signature: { signedBy: t('signature.signedBy'), signedAt: fromLocalInput(v['signature.signedAt']) },
    requestingUnit: { hsaId: t('requestingUnit.hsaId'), name: t('requestingUnit.name'), headEmail: t('requestingUnit.headEmail') },
    relatedCaseId: null,
    sealScope: null,
  };
}
