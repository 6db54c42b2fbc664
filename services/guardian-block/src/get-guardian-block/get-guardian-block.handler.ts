import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Envelope, GetGuardianBlockV1, GuardianBlockView, RpcReply } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockEntity } from '../guardian-blocks/guardian-block.entity';
import { GUARDIAN_BLOCK_NOT_FOUND, mayRead } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * One guardian block with its tasks, EHR note, linked lock and timeline, for who may see it: the
 * requesting unit, the region's contact centre, service desk and auditor. Anything else, a role
 * without the endpoint as well, is answered as not found, never as forbidden, so ids reveal
 * nothing. The read is recorded before it is answered (R23).
 */
@MessageHandlers()
export class GetGuardianBlockHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: GuardianBlockStore,
  ) {}

  @MessagePattern(GetGuardianBlockV1.type, { contract: GetGuardianBlockV1, queue: 'rpc' })
  @ForEndpoint('GET /guardian-blocks/{id}', { refusedAs: GUARDIAN_BLOCK_NOT_FOUND })
  async answer(@Message() envelope: Envelope<GetGuardianBlockV1>): Promise<RpcReply<GuardianBlockView>> {
    const actor = envelope.actor;
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.getRepository(GuardianBlockEntity).findOneBy({ id: envelope.payload.guardianBlockId });
      if (!entity || !mayRead(actor, entity)) return { ok: false as const, problem: GUARDIAN_BLOCK_NOT_FOUND };
      return { ok: true as const, body: await this.store.read(manager, entity, actor) };
    });
  }
}
