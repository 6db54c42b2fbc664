import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, Envelope, ExecutionOutcome, GuardianBlockConcludedV1, GuardianBlockStatus, StaffToolAction, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockEntity, GuardianUnblockEntity } from '../guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';
import { STATUS_TEXT } from '../guardian-blocks/guardian-block-status';
import { UNBLOCK_EFFECTS } from '../rules/r18-effects';

const SERVICE = 'guardian-block';

/** The staff-tool actions guardian-block asks for; every other action execution reports is intake's. */
const OWN_ACTIONS: ReadonlySet<StaffToolAction> = new Set(['GUARDIAN_BLOCK', 'GUARDIAN_UNBLOCK']);

const BLOCK_RESULT: Record<Completed['outcome'], GuardianBlockStatus> = { EXECUTED: 'BLOCKED', NOT_APPLICABLE: 'NOT_APPLICABLE', FAILED: 'FAILED' };

/** A completion as this service acts on it: UNKNOWN already taken as FAILED (issue 9). */
type Completed = Omit<ActionCompletedV1, 'outcome'> & { outcome: Exclude<ExecutionOutcome, 'UNKNOWN'> };

function failedNote(what: string, detail: string | null | undefined): string {
  return `${what} misslyckades i personalverktyget${detail ? ` (${detail})` : ''}`;
}

/**
 * The staff tool answered for a block (R18) or an unblock (R19). Execution reports every action to
 * everyone: a completion is ours only when it is the action the guardian block waits for; any other
 * (intake's, or a repeat) is passed over without a word. The requester is told the outcome by
 * `guardian-block.concluded.v1`, which notification mails to the confirmation addresses.
 */
@MessageHandlers()
export class OnActionCompletedHandler {
  private readonly logger = new Logger(OnActionCompletedHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly store: GuardianBlockStore,
  ) {}

  @EventPattern(ActionCompletedV1.type, { contract: ActionCompletedV1, queue: 'events', when: (reported: ActionCompletedV1) => OWN_ACTIONS.has(reported.action) })
  async handle(@Message() envelope: Envelope<ActionCompletedV1>, @Payload() reported: ActionCompletedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    // Not ours: intake's actions (lock, unlock, seal), and of ours any action the block no longer waits for.
    if (!OWN_ACTIONS.has(reported.action)) return;
    const entity = await this.store.findForUpdate(manager, reported.caseId);
    if (!entity || entity.actionId !== reported.actionId) return;
    // Issue 9: UNKNOWN (the tool's answer lost, its state unreadable) is, for a guardian block, a
    // failure awaiting the contact centre, whose inbox item says to look in the staff tool first.
    // A block keeps waiting for the action (done by hand afterwards it still counts), as for FAILED.
    const { outcome } = reported;
    const completed: Completed = outcome === 'UNKNOWN' ? { ...reported, outcome: 'FAILED', detail: reported.detail ?? 'STAFF_TOOL_STATE_UNKNOWN' } : { ...reported, outcome };
    // Handled once: a repeat of this completion finds no awaited action. A failed block keeps
    // waiting, so that the action done by hand afterwards still counts.
    entity.actionId = completed.action === 'GUARDIAN_BLOCK' && completed.outcome === 'FAILED' ? completed.actionId : null;
    if (completed.action === 'GUARDIAN_BLOCK') await this.blockCompleted(envelope, completed, entity, manager);
    else await this.unblockCompleted(envelope, completed, entity, manager);
  }

  private async blockCompleted(envelope: Envelope<ActionCompletedV1>, completed: Completed, entity: GuardianBlockEntity, manager: EntityManager): Promise<void> {
    entity.outcome = completed.outcome;
    if (completed.outcome === 'EXECUTED') entity.guardians = entity.guardians.map((g) => ({ ...g, blocked: true }));
    const to = BLOCK_RESULT[completed.outcome];
    const note = completed.outcome === 'FAILED' ? failedNote('Blockeringen', completed.detail) : STATUS_TEXT[to];
    if (!(await this.store.move(manager, entity, to, envelope.actor, note))) return;
    this.logger.log(`guardian block ${entity.id} ${to}`);
    await this.conclude(envelope, manager, entity, {
      kind: 'BLOCK',
      outcome: completed.outcome,
      guardianCount: entity.guardians.length,
      confirmationEmails: entity.request.confirmationEmails,
      effects: completed.outcome === 'EXECUTED' ? entity.effects : [],
      concludedAt: completed.completedAt,
    });
    // R8: the tasks may all be done before the staff tool is (the SMS reminders removed early).
    await this.store.closeIfHandlingOver(manager, entity, envelope.actor);
  }

  /**
   * EXECUTED, or NOT_APPLICABLE (the child has no 1177 account any more, so nothing holds the
   * guardians back), lifts the block of the unblock's guardians; the case is UNBLOCKED once nobody
   * is blocked, else BLOCKED again for the guardian who still is. FAILED leaves every block as it was.
   */
  private async unblockCompleted(envelope: Envelope<ActionCompletedV1>, completed: Completed, entity: GuardianBlockEntity, manager: EntityManager): Promise<void> {
    const unblocks = manager.getRepository(GuardianUnblockEntity);
    const unblock = await unblocks.findOneBy({ actionId: completed.actionId });
    if (!unblock) {
      this.logger.warn(`guardian block ${entity.id}: no unblock for action ${completed.actionId}`);
      return;
    }
    const lifted = completed.outcome !== 'FAILED';
    if (lifted) entity.guardians = entity.guardians.map((g) => (unblock.guardians.includes(g.personnummer) ? { ...g, blocked: false } : g));
    const stillBlocked = entity.guardians.some((g) => g.blocked);
    const to: GuardianBlockStatus = lifted && !stillBlocked ? 'UNBLOCKED' : 'BLOCKED';
    const note = !lifted
      ? `${failedNote('Borttagandet av blockeringen', completed.detail)}; blockeringen gäller fortfarande`
      : stillBlocked
        ? 'Blockeringen borttagen för en vårdnadshavare; den andra vårdnadshavaren är fortfarande blockerad'
        : STATUS_TEXT.UNBLOCKED;
    if (!(await this.store.move(manager, entity, to, envelope.actor, note))) return;
    await unblocks.update({ id: unblock.id }, { outcome: completed.outcome, completedAt: new Date(completed.completedAt) });
    this.logger.log(`guardian block ${entity.id}: unblock ${completed.outcome}, now ${to}`);
    await this.conclude(envelope, manager, entity, {
      kind: 'UNBLOCK',
      outcome: completed.outcome,
      guardianCount: unblock.guardians.length,
      confirmationEmails: unblock.request.confirmationEmails ?? entity.request.confirmationEmails,
      effects: lifted ? [...UNBLOCK_EFFECTS] : [],
      concludedAt: completed.completedAt,
    });
    await this.store.closeIfHandlingOver(manager, entity, envelope.actor);
  }

  private async conclude(
    envelope: Envelope<ActionCompletedV1>,
    manager: EntityManager,
    entity: GuardianBlockEntity,
    what: Pick<GuardianBlockConcludedV1, 'kind' | 'outcome' | 'guardianCount' | 'confirmationEmails' | 'effects' | 'concludedAt'>,
  ): Promise<void> {
    const concluded: GuardianBlockConcludedV1 = {
      guardianBlockId: entity.id,
      registryNumber: entity.registryNumber,
      requestingUnitName: entity.request.requestingUnit.name,
      urgent: entity.urgent,
      linkedLockRegistryNumber: entity.linkedLockRegistryNumber,
      ...what,
    };
    await this.messaging.publish(manager, envelope, GuardianBlockConcludedV1, concluded, { correlationId: entity.id, region: entity.region, actor: systemActor(SERVICE, entity.region) });
  }
}
