import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, ExecuteActionV1, StaffToolAction, WorkItemResolvedV1 } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockEntity, GuardianUnblockEntity } from '../guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * R7 for guardian blocks: a block or unblock that failed in the staff tool is a work item in the
 * contact centre's inbox (intake keeps the inboxes). RETRY sends the action again with a new action
 * id; CLOSE stops waiting for it. Only the failed action the item names is acted on, once.
 */
@MessageHandlers()
export class OnWorkItemResolvedHandler {
  private readonly logger = new Logger(OnWorkItemResolvedHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly store: GuardianBlockStore,
  ) {}

  @EventPattern(WorkItemResolvedV1.type, { contract: WorkItemResolvedV1, queue: 'events', when: (resolved: WorkItemResolvedV1) => resolved.kind === 'FAILED_EXECUTION' })
  async handle(@Message() envelope: Envelope<WorkItemResolvedV1>, @Payload() resolved: WorkItemResolvedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    if (resolved.kind !== 'FAILED_EXECUTION') return;
    const entity = await this.store.findForUpdate(manager, resolved.caseId);
    if (!entity) return;
    const retry = resolved.resolution === 'RETRY';
    if (entity.status === 'FAILED' && entity.actionId === resolved.actionId) {
      if (!retry) {
        entity.actionId = null;
        await this.store.save(manager, entity);
        await this.store.note(manager, entity, envelope.actor, 'Avslutat utan verkställande efter misslyckad blockering (kontaktcenter)');
        return;
      }
      await this.send(manager, envelope, entity, 'GUARDIAN_BLOCK', entity.guardians.map((g) => g.personnummer), 'EXECUTING', 'Nytt försök att blockera i personalverktyget');
      return;
    }
    const unblocks = manager.getRepository(GuardianUnblockEntity);
    const unblock = await unblocks.findOneBy({ guardianBlockId: entity.id, actionId: resolved.actionId, outcome: 'FAILED' });
    if (!unblock || entity.status !== 'BLOCKED') {
      this.logger.log(`work item ${resolved.workItemId} on guardian block ${entity.id} needs nothing more`);
      return;
    }
    if (!retry) {
      await this.store.note(manager, entity, envelope.actor, 'Misslyckat borttagande av blockering avslutat utan nytt försök (kontaktcenter); blockeringen gäller');
      return;
    }
    const actionId = await this.send(manager, envelope, entity, 'GUARDIAN_UNBLOCK', unblock.guardians, 'UNBLOCKING', 'Nytt försök att ta bort blockeringen i personalverktyget');
    // Sent again: it waits for its own completion and its own confirmation, not the failure's.
    if (actionId) await unblocks.update({ id: unblock.id }, { actionId, outcome: null, completedAt: null, confirmationSentAt: null });
  }

  /** Moves the case and sends the action again under a new id; null when the move is not allowed. */
  private async send(
    manager: EntityManager,
    envelope: Envelope<WorkItemResolvedV1>,
    entity: GuardianBlockEntity,
    action: StaffToolAction,
    guardians: string[],
    to: 'EXECUTING' | 'UNBLOCKING',
    note: string,
  ): Promise<string | null> {
    const actionId = randomUUID();
    const previous = entity.actionId;
    entity.actionId = actionId;
    if (!(await this.store.move(manager, entity, to, envelope.actor, note))) {
      entity.actionId = previous;
      return null;
    }
    const command: ExecuteActionV1 = { actionId, caseId: entity.id, registryNumber: entity.registryNumber, action, personnummer: entity.childPersonnummer, guardianPersonnummer: guardians };
    await this.messaging.publish(manager, envelope, ExecuteActionV1, command, { correlationId: entity.id, region: entity.region });
    this.logger.log(`guardian block ${entity.id}: ${action} sent again as action ${actionId}`);
    return actionId;
  }
}
