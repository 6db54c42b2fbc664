import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Envelope, ExecuteActionV1, GuardianBlockView, RpcReply, UnblockGuardianV1, problem } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockEntity, GuardianUnblockEntity } from '../guardian-blocks/guardian-block.entity';
import { GUARDIAN_BLOCK_NOT_FOUND, NOT_YOUR_UNIT, mayActOn, mayRead } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';
import { DecisionAuthorityService } from '../decision-authority/decision-authority.service';
import { NEEDS_UNIT_HEAD, decidedByUnitHead } from '../rules/r1-unit-head-decides';
import { draftUnblockNote } from '../rules/r18-ehr-note';
import { UNBLOCK_FOLLOW_UP_TASKS } from '../rules/r18-follow-up-tasks';
import { GUARDIAN_NOT_BLOCKED, THREAT_CHECK_MISSING, guardiansToUnblock, threatChecked } from '../rules/r19-threat-check';
import { createIdempotently, requestHashOf } from '@accessdesk/persistence';

export const NOT_BLOCKED = problem(
  'guardian-block-not-blocked',
  409,
  'Nothing blocked to lift',
  'Only a guardian block that is in effect (status BLOCKED, or CLOSED with a guardian still blocked) can be lifted.',
);

/**
 * R19: a block stays in effect until it is lifted (002), also once its handling is over (CLOSED,
 * R8): a closed block with a guardian still blocked is lifted like any other.
 */
function inEffect(entity: GuardianBlockEntity): boolean {
  return entity.status === 'BLOCKED' || (entity.status === 'CLOSED' && entity.guardians.some((g) => g.blocked));
}

/**
 * R19 ta bort blockering: the unit head has checked with the other units treating the child and
 * with social services that no threat remains; the block of the named guardians (all blocked ones
 * when none is named) is lifted in the staff tool. The child's own login lock stays: it is unlocked
 * by an unlock case of its own (R11). The same `Idempotency-Key` from the same caller answers the
 * same unblock.
 */
@MessageHandlers()
export class UnblockGuardianHandler {
  private readonly logger = new Logger(UnblockGuardianHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly dataSource: DataSource,
    private readonly store: GuardianBlockStore,
    private readonly authority: DecisionAuthorityService,
  ) {}

  @MessagePattern(UnblockGuardianV1.type, { contract: UnblockGuardianV1, queue: 'rpc' })
  @ForEndpoint('POST /guardian-blocks/{id}/unblock')
  async answer(@Message() envelope: Envelope<UnblockGuardianV1>): Promise<RpcReply<GuardianBlockView>> {
    const { guardianBlockId, request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    const requestHash = requestHashOf({ guardianBlockId, request });

    const found = await this.dataSource.getRepository(GuardianBlockEntity).findOneBy({ id: guardianBlockId });
    if (!found || !mayRead(actor, found)) return { ok: false, problem: GUARDIAN_BLOCK_NOT_FOUND };
    if (!mayActOn(actor, found)) return { ok: false, problem: NOT_YOUR_UNIT };

    return createIdempotently(this.dataSource, {
      requestHash,
      uniqueIndex: 'guardian_block_unblocks_idempotency',
      findCreated: (manager) => manager.getRepository(GuardianUnblockEntity).findOneBy({ idempotencyOwner: actor.sub, idempotencyKey }),
      // A replay shows the block again: a read like any other (R23).
      answerAgain: async (manager, existing) => {
        const entity = await manager.getRepository(GuardianBlockEntity).findOneByOrFail({ id: existing.guardianBlockId });
        return this.store.read(manager, entity, actor, 'samma borttagande igen (Idempotency-Key)');
      },
      create: () => this.create(envelope, requestHash),
    });
  }

  /** The checks of a new unblock, then the unblock and its action in one transaction. */
  private async create(envelope: Envelope<UnblockGuardianV1>, requestHash: string): Promise<RpcReply<GuardianBlockView>> {
    const { guardianBlockId, request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    if (!decidedByUnitHead(request.decision)) return { ok: false, problem: NEEDS_UNIT_HEAD };
    if (!threatChecked(request.threatCheck)) return { ok: false, problem: THREAT_CHECK_MISSING };
    // R1: the unblock, too, goes to the staff tool only when the directory knows its decider as a unit head.
    const noAuthority = await this.authority.refusal('GUARDIAN_UNBLOCK', request.decision.decidedBy.hsaId, envelope);
    if (noAuthority) return { ok: false, problem: noAuthority };

    return this.messaging.transaction(async (manager) => {
      const entity = await this.store.findForUpdate(manager, guardianBlockId);
      if (!entity) return { ok: false as const, problem: GUARDIAN_BLOCK_NOT_FOUND };
      if (!inEffect(entity)) return { ok: false as const, problem: NOT_BLOCKED };
      const guardians = guardiansToUnblock(request.guardians?.map((g) => g.personnummer), entity.guardians);
      if (!guardians || guardians.length === 0) return { ok: false as const, problem: GUARDIAN_NOT_BLOCKED };

      const now = new Date();
      const actionId = randomUUID();
      const unblock = manager.getRepository(GuardianUnblockEntity).create({
        id: randomUUID(),
        guardianBlockId: entity.id,
        actionId,
        request,
        guardians,
        ehrNote: draftUnblockNote({
          registryNumber: entity.registryNumber,
          guardianCount: guardians.length,
          decidedBy: request.decision.decidedBy,
          decidedAt: request.decision.decidedAt,
          motivation: request.decision.motivation,
          threatCheck: request.threatCheck,
        }),
        requestedBy: actor,
        requestedAt: now,
        outcome: null,
        completedAt: null,
        confirmationSentAt: null,
        idempotencyOwner: actor.sub,
        idempotencyKey,
        requestHash,
      });
      await manager.getRepository(GuardianUnblockEntity).insert(unblock);
      await this.store.addTasks(manager, entity.id, UNBLOCK_FOLLOW_UP_TASKS, now);
      entity.actionId = actionId;
      const who = guardians.length === 1 ? 'en vårdnadshavare' : 'båda vårdnadshavarna';
      await this.store.move(manager, entity, 'UNBLOCKING', actor, `Borttagande av blockering begärt för ${who}; hotbilden kontrollerad ${request.threatCheck.checkedAt.slice(0, 10)}`);
      await this.messaging.publish(
        manager,
        envelope,
        ExecuteActionV1,
        { actionId, caseId: entity.id, registryNumber: entity.registryNumber, action: 'GUARDIAN_UNBLOCK', personnummer: entity.childPersonnummer, guardianPersonnummer: guardians },
        { correlationId: entity.id, region: entity.region },
      );
      this.logger.log(`guardian block ${entity.id}: unblock of ${guardians.length} guardian(s) requested`);
      return { ok: true as const, body: await this.store.view(manager, entity) };
    });
  }
}
