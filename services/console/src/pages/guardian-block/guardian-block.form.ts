import type { DecisionReason, GuardianBlockRequest, GuardianUnblockRequest } from '@accessdesk/contracts';
import { PROBLEM_BASE } from '@accessdesk/contracts';
import { GatewayProblem } from '../../gateway/gateway.client';
import { FormProblems, fieldMessage, problemsForForm } from '../../gateway/problem-messages';
import { SignedInUser } from '../../session/session';
import { fromLocalInput, toLocalInput } from '../new-lock/new-lock.form';

/**
 * The guardian block form (002 "Formulär för att blockera och bryta blockering av vårdnadshavare"),
 * as POST /api/v1/guardian-blocks takes it: each field named by its JSON path in the request. The two
 * guardians are `guardians.0.personnummer` and `guardians.1.personnummer` (the second may be left empty).
 */
export const BLOCK_FIELDS = {
  'child.personnummer': 'Barnets personnummer',
  'child.name': 'Barnets namn',
  'guardians.0.personnummer': 'Vårdnadshavare 1, personnummer',
  'guardians.1.personnummer': 'Vårdnadshavare 2, personnummer',
  channel: 'Hur begäran kom in',
  urgent: 'Brådskande',
  'decision.decidedBy.hsaId': 'Verksamhetschefens HSA-id',
  'decision.decidedBy.name': 'Verksamhetschefens namn',
  'decision.decidedAt': 'Beslutet fattades',
  'decision.reasons': 'Skäl',
  'decision.motivation': 'Grund för beslutet',
  concernReported: 'Orosanmälan',
  'period.from': 'Gäller från',
  'period.to': 'Gäller till',
  guardianInformedBy: 'Vem har informerat vårdnadshavaren',
  'requestingUnit.hsaId': 'Begärande enhetens HSA-id',
  'requestingUnit.name': 'Begärande enhetens namn',
  'requestingUnit.headEmail': 'Verksamhetschefens e-post',
  confirmationEmails: 'E-postadresser för bekräftelse',
} as const;

export type BlockField = keyof typeof BLOCK_FIELDS;
export type BlockFormValues = Partial<Record<BlockField, string>> & { reasons: string[]; idempotencyKey: string };

/** The unblock form (R19): the unit head's threat check and decision, which guardians, where to confirm. */
export const UNBLOCK_FIELDS = {
  guardians: 'Vilka vårdnadshavare blockeringen ska hävas för',
  'threatCheck.otherUnitsConsulted': 'Kontroll med andra verksamheter',
  'threatCheck.socialServicesConsulted': 'Kontroll med socialtjänsten',
  'threatCheck.checkedAt': 'Hotbilden kontrollerades',
  'threatCheck.summary': 'Sammanfattning av kontrollen av hotbild',
  'decision.decidedBy.hsaId': 'Verksamhetschefens HSA-id',
  'decision.decidedBy.name': 'Verksamhetschefens namn',
  'decision.decidedAt': 'Beslutet fattades',
  'decision.motivation': 'Grund för beslutet',
  confirmationEmails: 'E-postadresser för bekräftelse',
} as const;

export type UnblockField = keyof typeof UNBLOCK_FIELDS;
/** The fields that take text (all but the guardians' checkboxes). */
export type UnblockTextField = Exclude<UnblockField, 'guardians'>;
export type UnblockFormValues = Partial<Record<UnblockTextField, string>> & { guardians: string[]; idempotencyKey: string };

/** Messages for fields whose generic message would not say what is wanted. */
const FIELD_MESSAGES: Record<string, string> = {
  'guardians.0.personnummer': 'Ange vårdnadshavarens personnummer: 12 siffror (ÅÅÅÅMMDDNNNN) med rätt kontrollsiffra.',
  'guardians.1.personnummer': 'Ange den andra vårdnadshavarens personnummer (12 siffror med rätt kontrollsiffra), eller lämna fältet tomt.',
  'child.personnummer': 'Ange barnets personnummer: 12 siffror (ÅÅÅÅMMDDNNNN) med rätt kontrollsiffra.',
  confirmationEmails: 'Ange en till fem giltiga e-postadresser, en per rad, utan dubbletter.',
  'decision.motivation': 'Beskriv vad som ligger till grund för beslutet.',
  guardianInformedBy: 'Ange vem som har informerat vårdnadshavaren, eller varför ingen har gjort det.',
  'period.from': 'Ange ett datum, till exempel 2026-12-01, eller lämna fältet tomt.',
  'period.to': 'Ange ett datum, till exempel 2027-06-01, eller lämna fältet tomt.',
  'threatCheck.otherUnitsConsulted': 'Verksamhetschefen ska ha kontrollerat hotbilden med andra verksamheter där barnet behandlas eller har behandlats (R19).',
  'threatCheck.socialServicesConsulted': 'Verksamhetschefen ska ha kontrollerat hotbilden med socialtjänsten (R19).',
  'threatCheck.summary': 'Sammanfatta vad kontrollen av hotbilden visade.',
  guardians: 'Välj vårdnadshavare som är blockerade, eller ingen för att häva blockeringen för alla.',
};

/** Rule problems of the guardian-block endpoints and the field each belongs beside. */
const GUARDIAN_RULES: Record<string, { field: string; message: string }> = {
  'guardian-block-needs-unit-head': { field: 'decision.decidedBy.hsaId', message: 'Blockering beslutas av verksamhetschefen (R18). Ange verksamhetschefens HSA-id.' },
  'guardian-block-decider-not-in-directory': { field: 'decision.decidedBy.hsaId', message: 'HSA-katalogen känner inte till beslutsfattaren. Kontrollera verksamhetschefens HSA-id (R1). Inget har registrerats.' },
  'guardian-block-decider-not-unit-head': { field: 'decision.decidedBy.hsaId', message: 'Beslutsfattaren är inte verksamhetschef enligt HSA-katalogen (R1). Inget har registrerats.' },
  'child-not-a-minor': { field: 'child.personnummer', message: 'Barnet måste vara under 18 år för att vårdnadshavare ska kunna blockeras (R18).' },
  'resident-not-found': { field: 'child.personnummer', message: 'Folkbokföringen känner inte till barnet. Kontrollera personnumret.' },
  'guardian-not-listed': { field: 'guardians.0.personnummer', message: 'Minst en av de angivna är inte barnets vårdnadshavare enligt folkbokföringen (R18).' },
  'guardian-listed-twice': { field: 'guardians.1.personnummer', message: 'Samma vårdnadshavare är angiven två gånger.' },
  'threat-check-missing': { field: 'threatCheck.otherUnitsConsulted', message: 'Hotbilden ska vara kontrollerad med andra verksamheter och socialtjänsten innan blockeringen hävs (R19).' },
  'guardian-not-blocked': { field: 'guardians', message: 'Minst en av de valda vårdnadshavarna är inte blockerad i det här ärendet.' },
};

/** Not beside a field: said at the top of the form. */
const GUARDIAN_GENERAL: Record<string, string> = {
  'guardian-block-not-blocked': 'Blockeringen är inte i kraft, så det finns ingen blockering att häva.',
  'staff-directory-unavailable': 'HSA-katalogen svarar inte just nu, så beslutsfattaren kunde inte kontrolleras. Inget har registrerats: skicka formuläret igen om en stund.',
  'not-your-unit': 'Verksamhetschefen kan bara begära blockering för sin egen enhet.',
};

/**
 * The gateway's problem in Swedish by field. A guardian's pointer (`/guardians/1/personnummer`) is
 * placed here, because the shared mapping reads array indexes as list positions of one field.
 */
export function guardianFormProblems(problem: GatewayProblem, labels: Readonly<Record<string, string>>): FormProblems {
  const slug = problem.type.startsWith(PROBLEM_BASE) ? problem.type.slice(PROBLEM_BASE.length) : problem.type;
  const out: FormProblems = { fields: {}, general: [] };
  const rule = GUARDIAN_RULES[slug];
  if (rule && rule.field in labels) {
    out.fields[rule.field] = rule.message;
    return out;
  }
  if (GUARDIAN_GENERAL[slug]) return { fields: {}, general: [GUARDIAN_GENERAL[slug]] };
  let rest = problem;
  if (slug === 'validation-failed' && Array.isArray(problem.errors)) {
    const others: Array<{ pointer: string; detail: string }> = [];
    for (const error of problem.errors) {
      const m = /^\/guardians(?:\/(\d+))?/.exec(error.pointer);
      const field = m ? (m[1] === undefined ? (`guardians.0.personnummer` in labels ? 'guardians.0.personnummer' : 'guardians') : `guardians.${m[1]}.personnummer`) : undefined;
      if (field && field in labels) out.fields[field] ??= FIELD_MESSAGES[field] ?? fieldMessage(field, labels[field] as string);
      else if (m && 'guardians' in labels) out.fields.guardians ??= FIELD_MESSAGES.guardians as string;
      else others.push(error);
    }
    if (others.length === 0) return out;
    rest = { ...problem, errors: others };
  }
  const shared = problemsForForm(rest, labels);
  for (const [field, message] of Object.entries(shared.fields)) out.fields[field] = FIELD_MESSAGES[field] && message === fieldMessage(field, labels[field] as string) ? (FIELD_MESSAGES[field] as string) : message;
  out.general.push(...shared.general);
  return out;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((r): r is string => typeof r === 'string');
}

/** Addresses one per line (or separated by commas or spaces). */
export function emailsFrom(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/**
 * A new block form. The contact centre takes the unit head's call (002: "Vid brådskande ärende ring
 * Kontaktcenter"), so for them the channel is the phone and the request urgent; a unit head filing
 * their own decision gets the e-form, with themselves as the decision maker and their unit.
 */
export function blankBlockForm(user: SignedInUser, now: Date, idempotencyKey: string): BlockFormValues {
  const unitHead = user.roles.includes('unit_head');
  return {
    reasons: [],
    idempotencyKey,
    channel: unitHead ? 'E_FORM' : 'EMERGENCY_PHONE',
    urgent: unitHead ? '' : 'yes',
    'decision.decidedBy.hsaId': unitHead ? user.sub : '',
    'decision.decidedBy.name': unitHead ? user.name : '',
    'decision.decidedAt': toLocalInput(now),
    'requestingUnit.hsaId': unitHead ? (user.unit ?? '') : '',
  };
}

export function readBlockForm(body: Record<string, unknown>): BlockFormValues {
  const values: BlockFormValues = { reasons: list(body['decision.reasons']), idempotencyKey: text(body.idempotencyKey) ?? '' };
  for (const field of Object.keys(BLOCK_FIELDS) as BlockField[]) {
    if (field === 'decision.reasons') continue;
    const v = text(body[field]);
    if (v !== undefined) values[field] = v;
  }
  return values;
}

const digits = (v: string | undefined): string => (v ?? '').trim().replace(/[-+\s]/g, '');

/** The request body of POST /api/v1/guardian-blocks; the gateway and guardian-block judge it. */
export function blockRequestFrom(v: BlockFormValues): GuardianBlockRequest {
  const t = (field: BlockField): string => (v[field] ?? '').trim();
  const guardians = [digits(v['guardians.0.personnummer'])];
  if (digits(v['guardians.1.personnummer']) !== '') guardians.push(digits(v['guardians.1.personnummer']));
  const from = t('period.from');
  const to = t('period.to');
  return {
    child: { personnummer: digits(v['child.personnummer']), name: t('child.name') },
    guardians: guardians.map((personnummer) => ({ personnummer })),
    channel: t('channel') as GuardianBlockRequest['channel'],
    urgent: v.urgent === 'yes',
    decision: {
      decidedBy: { hsaId: t('decision.decidedBy.hsaId'), name: t('decision.decidedBy.name'), role: 'UNIT_HEAD' },
      decidedAt: fromLocalInput(v['decision.decidedAt']),
      reasons: v.reasons as DecisionReason[],
      motivation: t('decision.motivation'),
    },
    requestingUnit: { hsaId: t('requestingUnit.hsaId'), name: t('requestingUnit.name'), headEmail: t('requestingUnit.headEmail') },
    confirmationEmails: emailsFrom(v.confirmationEmails),
    ...(from !== '' || to !== '' ? { period: { from: from === '' ? null : fromLocalInput(from), to: to === '' ? null : fromLocalInput(to) } } : {}),
    guardianInformedBy: t('guardianInformedBy'),
    concernReported: v.concernReported === 'yes',
  };
}

export function blankUnblockForm(user: SignedInUser, now: Date, idempotencyKey: string): UnblockFormValues {
  const unitHead = user.roles.includes('unit_head');
  return {
    guardians: [],
    idempotencyKey,
    'threatCheck.checkedAt': toLocalInput(now),
    'decision.decidedBy.hsaId': unitHead ? user.sub : '',
    'decision.decidedBy.name': unitHead ? user.name : '',
    'decision.decidedAt': toLocalInput(now),
  };
}

export function readUnblockForm(body: Record<string, unknown>): UnblockFormValues {
  const values: UnblockFormValues = { guardians: list(body.guardians), idempotencyKey: text(body.idempotencyKey) ?? '' };
  for (const field of Object.keys(UNBLOCK_FIELDS) as UnblockField[]) {
    if (field === 'guardians') continue;
    const v = text(body[field]);
    if (v !== undefined) values[field] = v;
  }
  return values;
}

/** The request body of POST /api/v1/guardian-blocks/{id}/unblock. An unticked box is sent as false, so that the gateway names it (R19). */
export function unblockRequestFrom(v: UnblockFormValues): GuardianUnblockRequest {
  const t = (field: UnblockTextField): string => (v[field] ?? '').trim();
  const emails = emailsFrom(v.confirmationEmails);
  return {
    ...(v.guardians.length > 0 ? { guardians: v.guardians.map((g) => ({ personnummer: digits(g) })) } : {}),
    threatCheck: {
      otherUnitsConsulted: v['threatCheck.otherUnitsConsulted'] === 'yes',
      socialServicesConsulted: v['threatCheck.socialServicesConsulted'] === 'yes',
      checkedAt: fromLocalInput(v['threatCheck.checkedAt']),
      summary: t('threatCheck.summary'),
    },
    decision: {
      decidedBy: { hsaId: t('decision.decidedBy.hsaId'), name: t('decision.decidedBy.name'), role: 'UNIT_HEAD' },
      decidedAt: fromLocalInput(v['decision.decidedAt']),
      reasons: [],
      motivation: t('decision.motivation'),
    },
    ...(emails.length > 0 ? { confirmationEmails: emails } : {}),
  };
}
