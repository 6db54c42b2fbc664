import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canReadCase, mayCall } from '@accessdesk/access';
import { CaseView, Envelope, GetCaseV1, RpcReply } from '@accessdesk/contracts';
import { CaseEntity } from '../domain/case/case.entity';
import { CASE_NOT_FOUND } from '../domain/case/case-problems';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * One case with its timeline, for who may see it: own unit, own region's service desk, own region's
 * auditor. Anything else is answered as not found, never as forbidden, so ids reveal nothing. The
 * read is recorded in the audit trail before it is answered (R23).
 */
@Injectable()
export class GetCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async get(envelope: Envelope<GetCaseV1>): Promise<RpcReply<CaseView>> {
    const actor = envelope.actor;
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.getRepository(CaseEntity).findOneBy({ id: envelope.payload.caseId });
      const visible =
        entity && mayCall('GET /cases/{id}', actor.roles) && canReadCase(actor, { region: entity.region, requestingUnitHsaId: entity.requestingUnitHsaId, kind: 'CASE' });
      if (!entity || !visible) return { ok: false as const, problem: CASE_NOT_FOUND };
      return { ok: true as const, body: await this.cases.read(manager, entity, actor) };
    });
  }
}
