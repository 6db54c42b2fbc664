import { DataSource, EntityManager } from 'typeorm';
import { canReadAudit, mayCall } from '@accessdesk/access';
import { Envelope, QueryAuditV1, RpcReply, VerifyAuditV1, problem } from '@accessdesk/contracts';
import { AuditRecord, ChainVerification, appendAudit, findAudit, verifyAuditChain } from './audit-log';

const AUDITORS_ONLY = problem('role-not-allowed', 403, 'Not allowed for your role', 'The audit trail is read by auditors only.');
const ONE_FILTER = problem('validation-failed', 400, 'The request is not valid', 'Ask for either one case or one resident.');
export const AUDITED_CASE_NOT_FOUND = problem('case-not-found', 404, 'Case not found', 'No case with this id is visible to you.');

/** What a service that keeps a trail says about its own cases. */
export interface TrailOwner {
  /** The region and resident pseudonym of a case the service owns; null when it owns none by that id. */
  caseScope(manager: EntityManager, caseId: string): Promise<{ region: string; residentRef: string } | null>;
  residentRef(personnummer: string): string;
}

/**
 * R23 for the auditor: the trail of one case or one resident, own region only, from the service's
 * own chain. Reading the trail is itself recorded, before the answer.
 */
export async function queryTrail(dataSource: DataSource, owner: TrailOwner, envelope: Envelope<QueryAuditV1>): Promise<RpcReply<{ records: AuditRecord[] }>> {
  const actor = envelope.actor;
  const { caseId, personnummer } = envelope.payload;
  if (!mayCall('GET /audit', actor.roles) || !canReadAudit(actor, actor.region)) return { ok: false, problem: AUDITORS_ONLY };
  if ((caseId && personnummer) || (!caseId && !personnummer)) return { ok: false, problem: ONE_FILTER };
  return dataSource.transaction(async (manager) => {
    if (caseId) {
      const scope = await owner.caseScope(manager, caseId);
      if (!scope || !canReadAudit(actor, scope.region)) return { ok: false as const, problem: AUDITED_CASE_NOT_FOUND };
      await appendAudit(manager, { action: 'AUDIT_READ', actor, region: scope.region, caseId, residentRef: scope.residentRef, detail: 'granskning av ärendets logg' });
      return { ok: true as const, body: { records: await findAudit(manager, { caseId }) } };
    }
    const ref = owner.residentRef(personnummer as string);
    await appendAudit(manager, { action: 'AUDIT_READ', actor, region: actor.region, residentRef: ref, detail: 'granskning av invånarens logg' });
    const records = (await findAudit(manager, { residentRef: ref })).filter((r) => r.region === actor.region);
    return { ok: true as const, body: { records } };
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
