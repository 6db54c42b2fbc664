import type { GuardianBlockRequest, Reason } from '@accessdesk/contracts';
import { SignedInUser } from '../../session/session';
import { fromLocalDateOrTime, linesOf } from '../care-forms/decision-form';
import { fromLocalInput, toLocalInput } from '../new-lock/new-lock.form';

/**
 * The guardian block form (002, R18): the unit head's decision to block one or both guardians from a
 * child's journal and e-services, field by field as POST /api/v1/guardian-blocks takes it (each
 * field's name is its JSON path, so the gateway's problems find it). The decision maker is always the
 * unit head (R1): the role is not asked.
 */
export const GUARDIAN_BLOCK_FIELDS = {
  'child.personnummer': 'Barnets personnummer',
  'child.name': 'Barnets namn',
  guardians: 'Vårdnadshavare som ska blockeras',
  channel: 'Hur begäran kom in',
  urgent: 'Brådskande',
  'decision.decidedBy.hsaId': 'Verksamhetschefens HSA-id',
  'decision.decidedBy.name': 'Verksamhetschefens namn',
  'decision.decidedAt': 'Beslutet fattades',
  'decision.reasons': 'Skäl',
  'decision.motivation': 'Vad beslutet grundar sig på',
  'decision.journalNoteRef': 'Journalanteckning',
  'period.from': 'Blockeringen gäller från',
  'period.to': 'Blockeringen gäller till',
  guardianInformedBy: 'Vem informerar vårdnadshavaren',
  concernReported: 'Orosanmälan',
  'signature.signedBy': 'Undertecknad av (HSA-id)',
  'signature.signedAt': 'Undertecknad',
  'requestingUnit.hsaId': 'Begärande enhetens HSA-id',
  'requestingUnit.name': 'Begärande enhetens namn',
  'requestingUnit.headEmail': 'Verksamhetschefens e-post',
  confirmationEmails: 'E-post för bekräftelse',
} as const;

export type GuardianBlockField = keyof typeof GUARDIAN_BLOCK_FIELDS;

/** Better sentences than the generic ones for this form's own kinds of value. */
export const GUARDIAN_BLOCK_MESSAGES: Readonly<Record<string, string>> = {
  guardians: 'Ange personnumret för en eller två vårdnadshavare: 12 siffror med rätt kontrollsiffra.',
  confirmationEmails: 'Ange en till fem giltiga e-postadresser, en per rad.',
  urgent: 'Ange om begäran är brådskande.',
  'period.from': 'Ange ett datum, till exempel 2026-12-01, eller lämna tomt.',
  'period.to': 'Ange ett datum, till exempel 2027-06-01, eller lämna tomt.',
  guardianInformedBy: 'Ange vem som informerar vårdnadshavaren, eller varför ingen gör det.',
};

/** The form as posted: text per field; the two guardians' numbers; the reasons as a list. */
export type GuardianBlockFormValues = Partial<Record<GuardianBlockField, string>> & {
  guardian1: string;
  guardian2: string;
  reasons: string[];
  idempotencyKey: string;
};

export function blankGuardianBlockForm(user: SignedInUser, now: Date, idempotencyKey: string): GuardianBlockFormValues {
  const unitHead = user.roles.includes('unit_head');
  return {
    guardian1: '',
    guardian2: '',
    reasons: [],
    idempotencyKey,
    channel: 'FORM',
    urgent: 'no',
    // The contact centre files what a unit head phoned in: the decision maker is then the caller.
    'decision.decidedBy.hsaId': unitHead ? user.sub : '',
    'decision.decidedBy.name': unitHead ? user.name : '',
    'decision.decidedAt': toLocalInput(now),
    'signature.signedBy': unitHead ? user.sub : '',
    'signature.signedAt': toLocalInput(now),
    'requestingUnit.hsaId': unitHead ? (user.unit ?? '') : '',
  };
}

export function readGuardianBlockForm(body: Record<string, unknown>): GuardianBlockFormValues {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const values: GuardianBlockFormValues = {
    guardian1: text(body['guardians.0']) ?? '',
    guardian2: text(body['guardians.1']) ?? '',
    reasons: [],
    idempotencyKey: text(body.idempotencyKey) ?? '',
  };
  for (const field of Object.keys(GUARDIAN_BLOCK_FIELDS) as GuardianBlockField[]) {
    if (field === 'decision.reasons' || field === 'guardians') continue;
    const v = text(body[field]);
    if (v !== undefined) values[field] = v;
  }
  const reasons = body['decision.reasons'];
  values.reasons = (Array.isArray(reasons) ? reasons : [reasons]).filter((r): r is string => typeof r === 'string');
  return values;
}

const digits = (s: string): string => s.trim().replace(/[-+\s]/g, '');

/** The request body of POST /api/v1/guardian-blocks. Nothing is judged here: the gateway and guardian-block do that. */
export function guardianBlockRequestFrom(v: GuardianBlockFormValues): GuardianBlockRequest {
  const t = (field: GuardianBlockField): string => (v[field] ?? '').trim();
  const optional = (field: GuardianBlockField): string | null => (t(field) === '' ? null : t(field));
  const urgent = t('urgent');
  const period = { from: fromLocalDateOrTime(v['period.from']), to: fromLocalDateOrTime(v['period.to']) };
  return {
    child: { personnummer: digits(t('child.personnummer')), name: t('child.name') },
    // An empty first guardian is sent (and named by the gateway); an empty second one is left out.
    guardians: [v.guardian1, v.guardian2].map(digits).filter((g, i) => i === 0 || g !== '').map((personnummer) => ({ personnummer })),
    channel: t('channel') as GuardianBlockRequest['channel'],
    urgent: (urgent === 'yes' ? true : urgent === 'no' ? false : urgent) as boolean,
    decision: {
      decidedBy: { hsaId: t('decision.decidedBy.hsaId'), name: t('decision.decidedBy.name'), role: 'UNIT_HEAD' },
      decidedAt: fromLocalInput(v['decision.decidedAt']),
      reasons: v.reasons as Reason[],
      motivation: t('decision.motivation'),
      journalNoteRef: optional('decision.journalNoteRef'),
      chiefPhysicianInformedAt: null,
    },
    signature: { signedBy: t('signature.signedBy'), signedAt: fromLocalInput(v['signature.signedAt']) },
    requestingUnit: { hsaId: t('requestingUnit.hsaId'), name: t('requestingUnit.name'), headEmail: t('requestingUnit.headEmail') },
    confirmationEmails: linesOf(v.confirmationEmails),
    period: period.from === null && period.to === null ? null : period,
    guardianInformedBy: t('guardianInformedBy'),
    concernReported: v.concernReported === 'yes',
  };
}
