import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, RecordManualResultV1 } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { ActionCompletionService } from '../actions/action-completion.service';
import { ActionEntity } from '../actions/action.entity';
import { manualCompletion, mayRecordManualResult } from '../rules/r7-r16-manual-execution';

/**
 * The operator executed a `manual` action in the staff tool and reports what it showed (R7, R16):
 * the action is completed exactly once, like the `http` worker completes one (outcome, personnummer
 * dropped, `execution.action.completed.v1` with mode `manual`, who and what was seen), in the inbox
 * transaction. A result for an action that is already DONE, unknown, of another case or region, or
 * from someone who is not an operator of its desk changes nothing: it is logged (ids only) and
 * acknowledged, since sending it again could not make it right.
 */
@MessageHandlers()
export class RecordManualResultHandler {
  private readonly logger = new Logger(RecordManualResultHandler.name);

  constructor(private readonly completion: ActionCompletionService) {}

  @EventPattern(RecordManualResultV1.type, { contract: RecordManualResultV1, queue: 'commands' })
  async handle(@Message() envelope: Envelope<RecordManualResultV1>, @Payload() result: RecordManualResultV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const label = `manual result ${envelope.id} for action ${result.actionId} (case ${result.caseId})`;
    // Locked, so that two results for one action (two operators, one click twice) complete it once.
    const action = await manager.getRepository(ActionEntity).findOne({ where: { actionId: result.actionId }, lock: { mode: 'pessimistic_write' } });
    if (!action || action.caseId !== result.caseId || action.region !== envelope.region) {
      this.logger.warn(`${label} ignored: no such action in region ${envelope.region}`);
      return;
    }
    if (action.status === 'DONE') {
      this.logger.log(`${label} ignored: the action is already done (${action.outcome})`);
      return;
    }
    if (action.status !== 'AWAITING_OPERATOR') {
      this.logger.warn(`${label} ignored: the action is ${action.status} in ${action.mode} mode, not waiting for an operator`);
      return;
    }
    if (!mayRecordManualResult(envelope.actor, action)) {
      this.logger.warn(`${label} ignored: ${envelope.actor.sub} is not an operator of the desk of region ${action.region}`);
      return;
    }
    const completion = manualCompletion(action, result);
    if (!completion) {
      // intake refuses such a report with a 422 before it is sent; one that got here anyway cannot be made right by sending it again.
      this.logger.warn(`${label} ignored: ${result.result}${result.lockedByRegion ? ` locked by ${result.lockedByRegion}` : ''} is not a possible answer to ${action.action} (R10, R16)`);
      return;
    }
    const { outcome, detail } = completion;
    await this.completion.complete(manager, action, {
      outcome,
      detail,
      ...(completion.lockedByRegion !== undefined ? { lockedByRegion: completion.lockedByRegion } : {}),
      staffToolReference: null,
      manual: { executedBy: result.executedBy, executedAt: new Date(result.executedAt), observed: result.observed },
      causationId: envelope.id,
      actor: envelope.actor,
    });
    this.logger.log(`action ${action.actionId} (${action.action}, case ${action.caseId}) ${outcome}${detail ? ` (${detail})` : ''} by hand`);
  }
}
