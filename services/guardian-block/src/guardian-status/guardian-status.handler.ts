import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { appendAudit } from '@accessdesk/audit';
import { Envelope, GuardianBlockStatusPart, GuardianStatusV1, RpcReply } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockEntity } from '../guardian-blocks/guardian-block.entity';
import { mayRead } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * guardian-block's part of `POST /residents/status`: the guardian blocks where the resident is the
 * child, in the caller's region only (another region's blocks are invisible). Staff of the region
 * need to know which guardian is blocked before they act on the child, so every block of the region
 * is listed; its id and registry number only where the caller may read the block, like intake's
 * cases. The read is recorded (R23).
 */
@MessageHandlers()
export class GuardianStatusHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: GuardianBlockStore,
  ) {}

  @MessagePattern(GuardianStatusV1.type, { contract: GuardianStatusV1, queue: 'rpc' })
  @ForEndpoint('POST /residents/status')
  async answer(@Message() envelope: Envelope<GuardianStatusV1>): Promise<RpcReply<GuardianBlockStatusPart>> {
    const actor = envelope.actor;
    const { personnummer } = envelope.payload;
    return this.dataSource.transaction(async (manager) => {
      const blocks = await manager
        .getRepository(GuardianBlockEntity)
        .find({ where: { childPersonnummer: personnummer, region: actor.region }, order: { createdAt: 'ASC' } });
      await appendAudit(manager, {
        action: 'RESIDENT_STATUS_READ',
        actor,
        region: actor.region,
        residentRef: this.store.residentRef(personnummer),
        detail: `vårdnadshavarblockeringar där invånaren är barnet: ${blocks.length}`,
      });
      return {
        ok: true as const,
        body: {
          guardianBlocks: blocks.map((b) => ({
            guardianBlockId: mayRead(actor, b) ? b.id : null,
            registryNumber: mayRead(actor, b) ? b.registryNumber : null,
            region: b.region,
            status: b.status,
            blockedGuardians: b.guardians.filter((g) => g.blocked).map((g) => g.personnummer),
          })),
        },
      };
    });
  }
}
