import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Messaging } from '@accessdesk/messaging';
import { backoffMs, claimNextDue } from '@accessdesk/persistence';
import { DueWorkService } from '@accessdesk/platform';
import { ActionCompletionService, Completion } from '../actions/action-completion.service';
import { ActionEntity } from '../actions/action.entity';
import { ExecutionConfig } from '../execution.config';
import { HttpStaffToolAdapter } from '../staff-tool/http-staff-tool.adapter';
import { StaffToolAdapter, StaffToolAnswer, StaffToolCommand, StaffToolRejectedError, StaffToolUnavailableError } from '../staff-tool/staff-tool.adapter';
import { reconcileWithAccountState } from '../rules/r7-staff-tool-reconcile';
import { STAFF_TOOL_BACKOFF, staffToolRetriesExhausted } from './retry-backoff';

/** Fallback poll, which also finds retries come due; a newly accepted action wakes the worker at once. */
const WORKER_POLL_MS = 1_000;
/** Actions in the staff tool at once; each lane claims its own row. */
const WORKER_CONCURRENCY = 4;

type Answer = Pick<Completion, 'outcome' | 'detail' | 'staffToolReference' | 'lockedByRegion' | 'observed'>;

/**
 * Executes PENDING actions (`http` mode) in the staff tool (R7, R16), one per round, exactly once each;
 * an action of a `manual` region waits as AWAITING_OPERATOR and is never claimed here. The row is
 * claimed `FOR UPDATE SKIP LOCKED`, the adapter is called with the action id as idempotency key,
 * and the row's final state and `execution.action.completed.v1` commit together. A staff tool that
 * does not answer gets the action again later with backoff, for STAFF_TOOL_RETRY_PERIOD_MS (ten
 * minutes by default); then the account's state decides (R7, issue 9): already in the wanted state →
 * EXECUTED (RECONCILED_ALREADY_IN_STATE), clearly not → FAILED (STAFF_TOOL_UNAVAILABLE), unreadable →
 * UNKNOWN, for an operator to look in the tool. A refusal (4xx) is FAILED at once.
 */
@Injectable()
export class StaffToolWorker extends DueWorkService<ActionEntity> {
  constructor(
    messaging: Messaging,
    private readonly completion: ActionCompletionService,
    // The only adapter a worker drives; `manual` actions are completed by RecordManualResultHandler.
    @Inject(HttpStaffToolAdapter) private readonly adapter: StaffToolAdapter,
    @Inject(ExecutionConfig) private readonly config: ExecutionConfig,
  ) {
    super(messaging, ActionEntity, 'staff-tool actions', StaffToolWorker.name, { pollMs: WORKER_POLL_MS, concurrency: WORKER_CONCURRENCY });
  }

  protected claim(manager: EntityManager): Promise<ActionEntity | null> {
    return claimNextDue(manager, ActionEntity, 'PENDING');
  }

  /** Takes the claimed action one attempt further. */
  protected work(manager: EntityManager, action: ActionEntity): Promise<void> {
    return this.attempt(manager, action);
  }

  private async attempt(manager: EntityManager, action: ActionEntity): Promise<void> {
    const attempts = action.attempts + 1;
    const label = `action ${action.actionId} (${action.action}, case ${action.caseId})`;
    if (action.mode !== this.adapter.mode) throw new Error(`${label} is pending in ${action.mode} mode, which has no worker`);
    if (action.personnummer === null) throw new Error(`${label} is pending without a personnummer`);
    const command: StaffToolCommand = {
      actionId: action.actionId,
      caseId: action.caseId,
      registryNumber: action.registryNumber,
      region: action.region,
      action: action.action,
      personnummer: action.personnummer,
      guardianPersonnummer: action.guardianPersonnummer,
      sealScope: action.sealScope,
    };
    let answer: StaffToolAnswer;
    try {
      answer = await this.adapter.execute(command);
    } catch (err) {
      if (err instanceof StaffToolRejectedError) {
        this.logger.error(`${label} refused by the staff tool: ${err.message}`);
        return this.complete(manager, action, attempts, { outcome: 'FAILED', detail: `STAFF_TOOL_REJECTED_${err.status}`, staffToolReference: null });
      }
      if (!(err instanceof StaffToolUnavailableError)) throw err;
      const limits = { maxAttempts: this.config.EXECUTION_MAX_ATTEMPTS, periodMs: this.config.STAFF_TOOL_RETRY_PERIOD_MS };
      if (staffToolRetriesExhausted(attempts, action.createdAt, new Date(), limits)) {
        this.logger.warn(`${label} unanswered after ${attempts} attempt(s): ${err.message}; reconciling with the account's state`);
        return this.complete(manager, action, attempts, await this.reconcile(label, command));
      }
      const waitMs = backoffMs(attempts, STAFF_TOOL_BACKOFF);
      this.logger.warn(`${label} attempt ${attempts} (at most ${this.config.EXECUTION_MAX_ATTEMPTS}) failed: ${err.message}; next in ${waitMs} ms`);
      await manager.getRepository(ActionEntity).update({ actionId: action.actionId }, { attempts, nextAttemptAt: new Date(Date.now() + waitMs) });
      return;
    }
    this.logger.log(`${label} ${answer.outcome}${answer.detail ? ` (${answer.detail})` : ''} after ${attempts} attempt(s)`);
    await this.complete(manager, action, attempts, answer);
  }

  /**
   * R7 (issue 9): the tool never answered the action, which may still have taken effect (its answer
   * lost). The account's state decides; when that cannot be read either the outcome is UNKNOWN.
   */
  private async reconcile(label: string, command: StaffToolCommand): Promise<Answer> {
    let account: unknown;
    try {
      account = await this.adapter.readState(command);
    } catch (err) {
      if (!(err instanceof StaffToolUnavailableError)) throw err;
      this.logger.warn(`${label}: the account's state could not be read either: ${err.message}`);
    }
    const reconciled = reconcileWithAccountState(command, account);
    this.logger.log(`${label} reconciled: ${reconciled.outcome} (${reconciled.detail})`);
    return { ...reconciled, staffToolReference: null };
  }

  /** The final state and its event, in the round's transaction; the personal identity numbers go. */
  private complete(manager: EntityManager, action: ActionEntity, attempts: number, answer: Answer): Promise<void> {
    return this.completion.complete(manager, action, { ...answer, attempts, causationId: action.causationId });
  }
}
