import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseView, Envelope, GetCaseV1, RpcReply, problem } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { toCaseView } from '../cases/case-store';

export const CASE_NOT_FOUND = problem('case-not-found', 404, 'Case not found', 'No case with this id is visible to you.');

/** One case with its timeline. A case of another region is answered as not found, never as forbidden. */
@Injectable()
export class GetCaseService {
  constructor(private readonly dataSource: DataSource) {}

  async get(envelope: Envelope<GetCaseV1>): Promise<RpcReply<CaseView>> {
    const entity = await this.dataSource.getRepository(CaseEntity).findOneBy({ id: envelope.payload.caseId });
    if (!entity || entity.region !== envelope.actor.region) return { ok: false, problem: CASE_NOT_FOUND };
    return { ok: true, body: await toCaseView(this.dataSource.manager, entity) };
  }
}
