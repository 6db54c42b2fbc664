import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canReadAudit, mayCall } from '@accessdesk/access';
import { AuditRecord, ChainVerification, appendAudit, findAudit, verifyAuditChain } from '@accessdesk/audit';
import { Envelope, QueryAuditV1, RpcReply, VerifyAuditV1, problem } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { CASE_NOT_FOUND } from '../get-case/get-case.service';

const AUDITORS_ONLY = problem('role-not-allowed', 403, 'Not allowed for your role', 'The audit trail is read by auditors only.');
const ONE_FILTER = problem('validation-failed', 400, 'The request is not valid', 'Ask for either one case or one resident.');

/**
 * R23: the auditor's view of the trail, own region only, by case or by resident; and the check of
 * the hash chain. Reading the trail is itself recorded.
 */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseStore,
  ) {}

  async query(envelope: Envelope<QueryAuditV1>): Promise<RpcReply<{ records: AuditRecord[] }>> {
    const actor = envelope.actor;
    const { caseId, personnummer } = envelope.payload;
    if (!mayCall('GET /audit', actor.roles) || !canReadAudit(actor, actor.region)) return { ok: false, problem: AUDITORS_ONLY };
    if ((caseId && personnummer) || (!caseId && !personnummer)) return { ok: false, problem: ONE_FILTER };
    return this.dataSource.transaction(async (manager) => {
      if (caseId) {
        const entity = await manager.getRepository(CaseEntity).findOneBy({ id: caseId });
        if (!entity || !canReadAudit(actor, entity.region)) return { ok: false as const, problem: CASE_NOT_FOUND };
        await this.cases.audit(manager, 'AUDIT_READ', actor, entity, 'granskning av ärendets logg');
        return { ok: true as const, body: { records: await findAudit(manager, { caseId }) } };
      }
      const ref = this.cases.residentRef(personnummer as string);
      await appendAudit(manager, { action: 'AUDIT_READ', actor, region: actor.region, residentRef: ref, detail: 'granskning av invånarens logg' });
      const records = (await findAudit(manager, { residentRef: ref })).filter((r) => r.region === actor.region);
      return { ok: true as const, body: { records } };
    });
  }

  async verify(envelope: Envelope<VerifyAuditV1>): Promise<RpcReply<ChainVerification>> {
    const actor = envelope.actor;
    if (!mayCall('GET /audit/verify', actor.roles)) return { ok: false, problem: AUDITORS_ONLY };
    // Verified first, then recorded: the record of this check is not part of what it checked.
    const verdict = await verifyAuditChain(this.dataSource);
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, { action: 'AUDIT_VERIFIED', actor, region: actor.region, detail: verdict.valid ? 'kedjan hel' : `kedjan bruten vid post ${verdict.brokenAt.seq}` }),
    );
    return { ok: true, body: verdict };
  }
}
