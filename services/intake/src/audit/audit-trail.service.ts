import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, ChainVerification, TrailOwner, queryTrail, verifyTrail } from '@accessdesk/audit';
import { Envelope, QueryAuditV1, RpcReply, VerifyAuditV1 } from '@accessdesk/contracts';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';

/** R23: the auditor's view of intake's trail and the check of its hash chain (libs/audit). */
@Injectable()
export class AuditTrailService implements TrailOwner {
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

  query(envelope: Envelope<QueryAuditV1>): Promise<RpcReply<{ records: AuditRecord[] }>> {
    return queryTrail(this.dataSource, this, envelope);
  }

  verify(envelope: Envelope<VerifyAuditV1>): Promise<RpcReply<ChainVerification>> {
    return verifyTrail(this.dataSource, envelope);
  }
}
