import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mayCall } from '@accessdesk/access';
import { appendAudit } from '@accessdesk/audit';
import { Envelope, GuardianBlockStatusPart, GuardianStatusV1, RpcReply } from '@accessdesk/contracts';
import { GuardianBlockEntity } from '../guardian-blocks/guardian-block.entity';
import { mayRead, roleNotAllowed } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * guardian-block's part of `POST /residents/status`: the guardian blocks where the resident is the
 * child, in the caller's region only (another region's blocks are invisible). Staff of the region
 * need to know which guardian is blocked before they act on the child, so every block of the region
 * is listed; its id and registry number only where the caller may read the block, like intake's
 * cases. The read is recorded (R23).
 */
@Injectable()
export class GuardianStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: GuardianBlockStore,
  ) {}

  async status(envelope: Envelope<GuardianStatusV1>): Promise<RpcReply<GuardianBlockStatusPart>> {
    const actor = envelope.actor;
    if (!mayCall('POST /residents/status', actor.roles)) return { ok: false, problem: roleNotAllowed('of the region’s staff') };
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
