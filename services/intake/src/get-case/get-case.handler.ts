import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { canReadCase } from '@accessdesk/access';
import { CaseView, Envelope, GetCaseV1, RpcReply } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CASE_NOT_FOUND } from '../domain/case/case-problems';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * One case with its timeline, for who may see it: own unit, own region's service desk, own region's
 * auditor. Anything else, a role without the endpoint as well, is answered as not found, never as
 * forbidden, so ids reveal nothing. The read is recorded in the audit trail before it is answered (R23).
 */
@MessageHandlers()
export class GetCaseHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  @MessagePattern(GetCaseV1.type, { contract: GetCaseV1, queue: 'rpc' })
  @ForEndpoint('GET /cases/{id}', { refusedAs: CASE_NOT_FOUND })
  async answer(@Message() envelope: Envelope<GetCaseV1>): Promise<RpcReply<CaseView>> {
    const actor = envelope.actor;
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.getRepository(CaseEntity).findOneBy({ id: envelope.payload.caseId });
      const visible = entity && canReadCase(actor, { region: entity.region, requestingUnitHsaId: entity.requestingUnitHsaId, kind: 'CASE' });
      if (!entity || !visible) return { ok: false as const, problem: CASE_NOT_FOUND };
      return { ok: true as const, body: await this.cases.read(manager, entity, actor) };
    });
  }
}
