import { REGISTRY_NUMBER } from '@accessdesk/contracts';
import type { AuditQuery, GatewayProblem } from '../../gateway/gateway.client';
import { FormProblems, problemsForForm } from '../../gateway/problem-messages';
import { fromLocalInput } from '../new-lock/new-lock.form';

/**
 * The audit search (R23): one form, four ways into the trail. Each field's name is the API's
 * (`GET /audit`'s query, `POST /audit/search`'s body), so the gateway's problems find their field.
 * A resident is asked by POST only (the personnummer never goes in a URL); the rest may be a link.
 */
export const AUDIT_FIELDS = {
  personnummer: 'Invånarens personnummer',
  caseId: 'Ärende',
  actorHsaId: 'Medarbetarens HSA-id',
  from: 'Från och med',
  to: 'Till',
} as const;

export type AuditField = keyof typeof AUDIT_FIELDS;
export type AuditFormValues = Partial<Record<AuditField, string>>;

/** The filters that may go in a URL: everything but the personnummer. */
export const LINKABLE_FIELDS = ['caseId', 'actorHsaId', 'from', 'to'] as const satisfies readonly AuditField[];

/** Each field's own message in Swedish, whatever the API said of it. */
const FIELD_MESSAGES: Record<AuditField, string> = {
  personnummer: 'Ange ett giltigt personnummer: 12 siffror (ÅÅÅÅMMDDNNNN) med rätt kontrollsiffra.',
  caseId: 'Ange ärendets diarienummer (till exempel VGR-2026-000001) eller ärende-id.',
  actorHsaId: 'Ange ett HSA-id, till exempel SE2321000131-E000000000011.',
  from: 'Ange datum, eller datum och tid, till exempel 2026-11-20 eller 2026-11-20 09:30.',
  to: 'Ange datum, eller datum och tid, till exempel 2026-11-30 eller 2026-11-30 17:00.',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form's own fields, as posted or as in the query string; nothing else. */
export function readAuditForm(source: Record<string, unknown>): AuditFormValues {
  const values: AuditFormValues = {};
  for (const field of Object.keys(AUDIT_FIELDS) as AuditField[]) {
    const v = source[field];
    if (typeof v === 'string' && v.trim() !== '') values[field] = v.trim();
  }
  return values;
}

/** `2026-11-20` is the start of that day, Swedish time; `2026-11-20 09:30` that minute. */
export function instantOf(value: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  return fromLocalInput(day ? `${day[1]} 00:00` : value);
}

/** The case field holds a registry number (to be looked up) rather than a case id. */
export function registryNumberOf(values: AuditFormValues): string | undefined {
  const v = values.caseId?.toUpperCase();
  return v !== undefined && !UUID.test(v) && REGISTRY_NUMBER.test(v) ? v : undefined;
}

/**
 * What the form asks of the API, or the problems found before asking: no filter at all, both a
 * resident and a case, a range that ends before it starts. Anything else the gateway judges.
 * `caseId` is the case id (a registry number is looked up by the page first).
 */
export function auditQueryFrom(values: AuditFormValues, caseId = values.caseId): { query: AuditQuery } | { problems: FormProblems } {
  const problems: FormProblems = { fields: {}, general: [] };
  if (!values.personnummer && !values.caseId && !values.actorHsaId && !values.from && !values.to) {
    problems.general.push('Ange minst ett av: invånarens personnummer, ärende, medarbetare eller tidsperiod.');
  }
  if (values.personnummer && values.caseId) {
    problems.general.push('Sök antingen på en invånare eller på ett ärende, inte på båda samtidigt.');
  }
  const from = values.from === undefined ? undefined : instantOf(values.from);
  const to = values.to === undefined ? undefined : instantOf(values.to);
  if (from && to && Date.parse(from) >= Date.parse(to)) problems.fields.to = 'Tidsperiodens slut måste komma efter dess början.';
  if (problems.general.length > 0 || Object.keys(problems.fields).length > 0) return { problems };
  const query: AuditQuery = {};
  if (values.personnummer) query.personnummer = values.personnummer.replace(/[-+\s]/g, '');
  if (caseId) query.caseId = caseId;
  if (values.actorHsaId) query.actorHsaId = values.actorHsaId.toUpperCase();
  if (from) query.from = from;
  if (to) query.to = to;
  return { query };
}

/** The gateway's problem, in Swedish, beside the field; a case not found belongs to the case field. */
export function auditProblems(problem: GatewayProblem): FormProblems {
  if (problem.status === 404) return { fields: { caseId: 'Inget ärende med det id:t finns i din region.' }, general: [] };
  const found = problemsForForm(problem, AUDIT_FIELDS);
  for (const field of Object.keys(found.fields) as AuditField[]) found.fields[field] = FIELD_MESSAGES[field];
  // problemsForForm's fallback speaks of a case being filed; here nothing is filed.
  found.general = found.general.map((text) => (text.startsWith('Ärendet kunde inte tas emot') ? 'Sökningen kunde inte göras. Kontrollera uppgifterna och försök igen.' : text));
  return found;
}

/** The query string of a search's own link (and of "Visa fler"): the filters as typed, never a personnummer. */
export function searchLink(path: string, values: AuditFormValues, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const field of LINKABLE_FIELDS) {
    const v = values[field];
    if (v) params.set(field, v);
  }
  if (cursor) params.set('cursor', cursor);
  return `${path}?${params.toString()}`;
}
