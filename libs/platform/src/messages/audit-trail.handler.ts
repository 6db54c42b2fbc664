import { MessagePattern } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { AuditPage, ChainVerification, TrailOwner, queryTrail, verifyTrail } from '@accessdesk/audit';
import { Envelope, QueryAuditV1, RpcReply, VerifyAuditV1 } from '@accessdesk/contracts';
import { Message } from './message-patterns';

/**
 * R23: the auditor's view of a service's own trail and the check of its hash chain (libs/audit), the
 * same for every service that keeps one; the service says which of its cases a record belongs to
 * (`TrailOwner`). libs/audit checks the auditor's role and region itself, with its own answer.
 * A service's handler class extends it and is marked `@MessageHandlers()`.
 */
export abstract class AuditTrailHandler implements TrailOwner {
  protected constructor(private readonly dataSource: DataSource) {}

  abstract caseScope(manager: EntityManager, caseId: string): Promise<{ region: string; residentRef: string } | null>;

  abstract residentRef(personnummer: string): string;

  @MessagePattern(QueryAuditV1.type, { contract: QueryAuditV1, queue: 'rpc' })
  query(@Message() envelope: Envelope<QueryAuditV1>): Promise<RpcReply<AuditPage>> {
    return queryTrail(this.dataSource, this, envelope);
  }

  @MessagePattern(VerifyAuditV1.type, { contract: VerifyAuditV1, queue: 'rpc' })
  verify(@Message() envelope: Envelope<VerifyAuditV1>): Promise<RpcReply<ChainVerification>> {
    return verifyTrail(this.dataSource, envelope);
  }
}
