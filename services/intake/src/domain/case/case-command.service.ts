import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { canReadCase } from '@accessdesk/access';
import { CaseView, Envelope, Problem, RpcReply } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { CaseEntity } from './case.entity';
import { CASE_NOT_FOUND } from './case-problems';
import { CaseRepository } from './case.repository';

/** What a command does to the case it found; a problem refuses it. */
export type CaseCommandStep = (manager: EntityManager, entity: CaseEntity) => Promise<Problem | null>;

/**
 * How the commands on a filed case run (completion, verification, paperwork, void, registry
 * reference): in one transaction with the case's row locked, on a case the caller may see (else 404,
 * never 403, so ids reveal nothing), answered with the case as it then is. Whether the caller's role
 * may call the command at all is the handler's `@ForEndpoint`.
 */
@Injectable()
export class CaseCommand {
  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
  ) {}

  /** Runs `step` on the case of `envelope` if the caller may see it and `mayAct` on it. */
  run(envelope: Envelope<{ caseId: string }>, mayAct: (entity: CaseEntity) => boolean, step: CaseCommandStep): Promise<RpcReply<CaseView>> {
    const actor = envelope.actor;
    return this.messaging.transaction(async (manager) => {
      const entity = await this.cases.findForUpdate(manager, envelope.payload.caseId);
      if (!entity || !canReadCase(actor, { region: entity.region, requestingUnitHsaId: entity.requestingUnitHsaId, kind: 'CASE' }) || !mayAct(entity)) {
        return { ok: false as const, problem: CASE_NOT_FOUND };
      }
      const refused = await step(manager, entity);
      if (refused) return { ok: false as const, problem: refused };
      return { ok: true as const, body: await this.cases.view(manager, entity) };
    });
  }
}
