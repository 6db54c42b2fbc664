import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mayCall } from '@accessdesk/access';
import { Envelope, GetGuardianBlockV1, GuardianBlockView, RpcReply } from '@accessdesk/contracts';
import { GuardianBlockEntity } from '../guardian-blocks/guardian-block.entity';
import { GUARDIAN_BLOCK_NOT_FOUND, mayRead } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * One guardian block with its tasks, EHR note, linked lock and timeline, for who may see it: the
 * requesting unit, the region's contact centre, service desk and auditor. Anything else is answered
 * as not found, never as forbidden, so ids reveal nothing. The read is recorded before it is
 * answered (R23).
 */
@Injectable()
export class GetGuardianBlockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: GuardianBlockStore,
  ) {}

  async get(envelope: Envelope<GetGuardianBlockV1>): Promise<RpcReply<GuardianBlockView>> {
    const actor = envelope.actor;
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.getRepository(GuardianBlockEntity).findOneBy({ id: envelope.payload.guardianBlockId });
      if (!entity || !mayCall('GET /guardian-blocks/{id}', actor.roles) || !mayRead(actor, entity)) return { ok: false as const, problem: GUARDIAN_BLOCK_NOT_FOUND };
      return { ok: true as const, body: await this.store.read(manager, entity, actor) };
    });
  }
}
