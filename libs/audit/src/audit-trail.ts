import { DataSource, EntityManager } from 'typeorm';
import { canReadAudit, mayCall } from '@accessdesk/access';
import { AUDIT_PAGE_MAX, Envelope, QueryAuditV1, RpcReply, VerifyAuditV1, problem } from '@accessdesk/contracts';
import { AuditFilter, AuditPage, AuditPosition, ChainVerification, appendAudit, searchAudit, verifyAuditChain } from './audit-log';

const AUDITORS_ONLY = problem('role-not-allowed', 403, 'Not allowed for your role', 'The audit trail is read by auditors only.');
const ONE_FILTER = problem('validation-failed', 400, 'The request is not valid', 'Ask for one case or one resident, not both.');
const NO_FILTER = problem('validation-failed', 400, 'The request is not valid', 'Narrow the trail: a case, a resident, a staff member or a time range.');
const EMPTY_RANGE = problem('validation-failed', 400, 'The request is not valid', '`from` must be before `to`.');
const TWO_POSITIONS = problem('validation-failed', 400, 'The request is not valid', 'A page starts after one record: afterSeq or afterUnlinkedId, not both.');
export const AUDITED_CASE_NOT_FOUND = problem('case-not-found', 404, 'Case not found', 'No case with this id is visible to you.');

/** What a service that keeps a trail says about its own cases. */
export interface TrailOwner {
  /** The region and resident pseudonym of a case the service owns; null when it owns none by that id. */
  caseScope(manager: EntityManager, caseId: string): Promise<{ region: string; residentRef: string } | null>;
  residentRef(personnummer: string): string;
}

/** What the record of a reading says was read: the subject, then any narrowing (Swedish, for the auditors). */
function readingDetail(query: QueryAuditV1): string {
  const subject = query.caseId ? 'granskning av ärendets logg' : query.personnummer ? 'granskning av invånarens logg' : 'granskning av loggen';
  const parts = [
    subject,
    ...(query.actorHsaId ? [`medarbetare ${query.actorHsaId}`] : []),
    ...(query.from ? [`från ${query.from}`] : []),
    ...(query.to ? [`till ${query.to}`] : []),
    ...(query.purpose === 'EXPORT' ? ['export'] : []),
  ];
  return parts.join('; ');
}

/**
 * R23 for the auditor: the trail of the service's own chain narrowed by one case or one resident,
 * the staff member who acted, and a time range, own region only, a page at a time. Reading the
 * trail is itself recorded, before the answer, with what was asked (never the personnummer).
 */
export async function queryTrail(dataSource: DataSource, owner: TrailOwner, envelope: Envelope<QueryAuditV1>): Promise<RpcReply<AuditPage>> {
  const actor = envelope.actor;
  const query = envelope.payload;
  const { caseId, personnummer, actorHsaId, from, to } = query;
  if (!mayCall('GET /audit', actor.roles) || !canReadAudit(actor, actor.region)) return { ok: false, problem: AUDITORS_ONLY };
  if (caseId && personnummer) return { ok: false, problem: ONE_FILTER };
  if (!caseId && !personnummer && !actorHsaId && !from && !to) return { ok: false, problem: NO_FILTER };
  if (from && to && Date.parse(from) >= Date.parse(to)) return { ok: false, problem: EMPTY_RANGE };
  if (query.afterSeq !== undefined && query.afterUnlinkedId !== undefined) return { ok: false, problem: TWO_POSITIONS };
  const position: AuditPosition =
    query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : query.afterUnlinkedId !== undefined ? { afterUnlinkedId: query.afterUnlinkedId } : {};
  const narrowing: AuditFilter = { actorSub: actorHsaId, from, to };
  const limit = query.limit ?? AUDIT_PAGE_MAX;
  return dataSource.transaction(async (manager) => {
    const detail = readingDetail(query);
    if (caseId) {
      const scope = await owner.caseScope(manager, caseId);
      if (!scope || !canReadAudit(actor, scope.region)) return { ok: false as const, problem: AUDITED_CASE_NOT_FOUND };
      await appendAudit(manager, { action: 'AUDIT_READ', actor, region: scope.region, caseId, residentRef: scope.residentRef, detail });
      return { ok: true as const, body: await searchAudit(manager, { ...narrowing, caseId }, position, limit) };
    }
    const ref = personnummer ? owner.residentRef(personnummer) : undefined;
    await appendAudit(manager, { action: 'AUDIT_READ', actor, region: actor.region, residentRef: ref ?? null, detail });
    return { ok: true as const, body: await searchAudit(manager, { ...narrowing, residentRef: ref, region: actor.region }, position, limit) };
  });
}

/** Recomputes the service's chain; the check is recorded after it, so it is not part of what it checked. */
export async function verifyTrail(dataSource: DataSource, envelope: Envelope<VerifyAuditV1>): Promise<RpcReply<ChainVerification>> {
  const actor = envelope.actor;
  if (!mayCall('GET /audit/verify', actor.roles)) return { ok: false, problem: AUDITORS_ONLY };
  const verdict = await verifyAuditChain(dataSource, actor.region);
  const detail = verdict.valid ? 'kedjan hel' : verdict.brokenAt ? `kedjan bruten vid post ${verdict.brokenAt.seq}` : 'kedjan bruten vid en post i en annan region';
  await dataSource.transaction((manager) => appendAudit(manager, { action: 'AUDIT_VERIFIED', actor, region: actor.region, detail }));
  return { ok: true, body: verdict };
}
