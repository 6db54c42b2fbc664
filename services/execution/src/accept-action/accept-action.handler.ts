import { Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { AdapterMode, Envelope, ExecuteActionV1, ManualActionOpenedV1, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { ActionStatus } from '../actions/action-status';
import { ActionEntity } from '../actions/action.entity';
import { manualQueueFor } from '../rules/r7-r16-manual-execution';
import { StaffToolWorker } from '../staff-tool-worker/staff-tool.worker';

/** Where an accepted action waits: for the worker (`http`) or for an operator (`manual`). */
const FIRST_STATUS: Record<AdapterMode, ActionStatus> = { http: 'PENDING', manual: 'AWAITING_OPERATOR' };

/**
 * Takes a command to execute one action (R7) in the inbox transaction, in the adapter mode of the
 * action's region (R24), which stays on the row: `http` → PENDING for the worker; `manual` →
 * AWAITING_OPERATOR and `execution.manual-action.opened.v1` in the same transaction, so that intake
 * opens a work item in the desk's inbox. The action id is the primary key: a command sent again
 * (same or new message id) adds nothing, so the staff tool is never asked twice for one action and
 * an operator never gets two work items for it. A new `http` action wakes the staff-tool worker once
 * the transaction committed.
 */
@MessageHandlers()
export class AcceptActionHandler {
  private readonly logger = new Logger(AcceptActionHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly regions: Regions,
    private readonly staffToolWorker: StaffToolWorker,
  ) {}

  @EventPattern(ExecuteActionV1.type, { contract: ExecuteActionV1, queue: 'commands' })
  async handle(
    @Message() envelope: Envelope<ExecuteActionV1>,
    @Payload() command: ExecuteActionV1,
    @InboxTransaction() manager: EntityManager,
    @Ctx() context: MessageContext,
  ): Promise<void> {
    const mode = this.regions.get(envelope.region).adapterMode;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ActionEntity)
      .values({
        actionId: command.actionId,
        caseId: command.caseId,
        registryNumber: command.registryNumber,
        region: envelope.region,
        action: command.action,
        mode,
        personnummer: command.personnummer,
        sealScope: command.sealScope ?? null,
        guardianPersonnummer: command.guardianPersonnummer ?? null,
        status: FIRST_STATUS[mode],
        outcome: null,
        staffToolReference: null,
        detail: null,
        attempts: 0,
        nextAttemptAt: new Date(),
        causationId: envelope.id,
        completedAt: null,
        executedBy: null,
        executedAt: null,
        observed: null,
      })
      .orIgnore()
      .updateEntity(false)
      .returning('action_id')
      .execute();
    const inserted = (result.raw as unknown[]).length > 0;
    if (!inserted) {
      this.logger.log(`action ${command.actionId} for case ${command.caseId} already known; command ignored`);
      return;
    }
    if (mode === 'manual') await this.openForOperator(envelope, command, manager);
    else context.afterCommit(() => this.staffToolWorker.kick());
    this.logger.log(`action ${command.actionId} (${command.action}) for case ${command.caseId} accepted, ${mode} mode`);
  }

  /** The work item's content: what to do, for whom, in which desk's inbox. */
  private async openForOperator(envelope: Envelope<ExecuteActionV1>, command: ExecuteActionV1, manager: EntityManager): Promise<void> {
    const opened: ManualActionOpenedV1 = {
      actionId: command.actionId,
      caseId: command.caseId,
      registryNumber: command.registryNumber,
      action: command.action,
      queue: manualQueueFor(command.action),
      personnummer: command.personnummer,
      guardianPersonnummer: command.guardianPersonnummer ?? null,
      sealScope: command.sealScope ?? null,
      openedAt: new Date().toISOString(),
    };
    await this.messaging.publish(manager, envelope, ManualActionOpenedV1, opened, { actor: systemActor('execution', envelope.region) });
  }
}
