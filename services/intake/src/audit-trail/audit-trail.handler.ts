import { MessagePattern } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, ChainVerification, TrailOwner, queryTrail, verifyTrail } from '@accessdesk/audit';
import { Envelope, QueryAuditV1, RpcReply, VerifyAuditV1 } from '@accessdesk/contracts';
import { Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * R23: the auditor's view of intake's trail and the check of its hash chain (libs/audit). libs/audit
 * checks the auditor's role and region itself, with its own answer, as for every service that keeps
 * a trail.
 */
@MessageHandlers()
export class AuditTrailHandler implements TrailOwner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async caseScope(manager: EntityManager, caseId: string): Promise<{ region: string; residentRef: string } | null> {
    const entity = await manager.getRepository(CaseEntity).findOneBy({ id: caseId });
    return entity ? { region: entity.region, residentRef: this.cases.residentRef(entity.residentPersonnummer) } : null;
  }

  residentRef(personnummer: string): string {
    return this.cases.residentRef(personnummer);
  }

  @MessagePattern(QueryAuditV1.type, { contract: QueryAuditV1, queue: 'rpc' })
  query(@Message() envelope: Envelope<QueryAuditV1>): Promise<RpcReply<{ records: AuditRecord[] }>> {
    return queryTrail(this.dataSource, this, envelope);
  }

  @MessagePattern(VerifyAuditV1.type, { contract: VerifyAuditV1, queue: 'rpc' })
  verify(@Message() envelope: Envelope<VerifyAuditV1>): Promise<RpcReply<ChainVerification>> {
    return verifyTrail(this.dataSource, envelope);
  }
}
