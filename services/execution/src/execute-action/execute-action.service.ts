import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, systemActor } from '@accessdesk/contracts';
import { Messaging, createEnvelope } from '@accessdesk/messaging';
import { PollingWorker, claimNextDue } from '@accessdesk/persistence';
import { ActionEntity } from '../actions/action.entity';
import { ExecutionConfig } from '../execution.config';
import {
  STAFF_TOOL_ADAPTER,
  StaffToolAdapter,
  StaffToolAnswer,
  StaffToolRejectedError,
  StaffToolUnavailableError,
} from '../staff-tool/staff-tool.adapter';
import { retryBackoffMs } from './retry-backoff';

/** Fallback poll for due retries; a newly accepted action wakes the worker at once. */
const WORKER_POLL_MS = 250;
/** Actions in the staff tool at once; each lane claims its own row. */
const WORKER_CONCURRENCY = 4;

type Completion = Pick<ActionEntity, 'outcome' | 'detail' | 'staffToolReference'> & { outcome: ActionCompletedV1['outcome'] };

/**
 * Executes PENDING actions in the staff tool (R7, R16), one per round, exactly once each: the row is
 * claimed `FOR UPDATE SKIP LOCKED`, the adapter is called with the action id as idempotency key,
 * and the row's final state and `execution.action.completed.v1` commit together. A staff tool that
 * does not answer gets the action again later with backoff, until the attempts run out (FAILED,
 * STAFF_TOOL_UNAVAILABLE); a refusal (4xx) is FAILED at once.
 */
@Injectable()
export class ExecuteActionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExecuteActionService.name);
  private readonly worker: PollingWorker;

  constructor(
    private readonly messaging: Messaging,
    @Inject(STAFF_TOOL_ADAPTER) private readonly adapter: StaffToolAdapter,
    @Inject(ExecutionConfig) private readonly config: ExecutionConfig,
  ) {
    this.worker = new PollingWorker('staff-tool actions', () => this.runOnce(), this.logger, {
      pollMs: WORKER_POLL_MS,
      concurrency: WORKER_CONCURRENCY,
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** Before messaging and the database close (they go in the later shutdown hooks). */
  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  /** Wakes the worker after a commit that added an action. */
  kick(): void {
    this.worker.kick();
  }

  /** One round: claims one due action and takes it one attempt further; false when none was due. */
  async runOnce(): Promise<boolean> {
    return this.messaging.transaction(async (manager) => {
      const action = await claimNextDue(manager, ActionEntity, 'PENDING');
      if (!action) return false;
      await this.attempt(manager, action);
      return true;
    });
  }

  private async attempt(manager: EntityManager, action: ActionEntity): Promise<void> {
    const attempts = action.attempts + 1;
    const label = `action ${action.actionId} (${action.action}, case ${action.caseId})`;
    let answer: StaffToolAnswer;
    try {
      if (action.personnummer === null) throw new Error(`${label} is pending without a personnummer`);
      answer = await this.adapter.execute({
        actionId: action.actionId,
        caseId: action.caseId,
        registryNumber: action.registryNumber,
        region: action.region,
        action: action.action,
        personnummer: action.personnummer,
        guardianPersonnummer: action.guardianPersonnummer,
        sealScope: action.sealScope,
      });
    } catch (err) {
      if (err instanceof StaffToolRejectedError) {
        this.logger.error(`${label} refused by the staff tool: ${err.message}`);
        return this.complete(manager, action, attempts, { outcome: 'FAILED', detail: `STAFF_TOOL_REJECTED_${err.status}`, staffToolReference: null });
      }
      if (!(err instanceof StaffToolUnavailableError)) throw err;
      if (attempts >= this.config.EXECUTION_MAX_ATTEMPTS) {
        this.logger.error(`${label} failed: ${err.message}; no attempts left after ${attempts}`);
        return this.complete(manager, action, attempts, { outcome: 'FAILED', detail: 'STAFF_TOOL_UNAVAILABLE', staffToolReference: null });
      }
      const waitMs = retryBackoffMs(attempts);
      this.logger.warn(`${label} attempt ${attempts} of ${this.config.EXECUTION_MAX_ATTEMPTS} failed: ${err.message}; next in ${waitMs} ms`);
      await manager.getRepository(ActionEntity).update({ actionId: action.actionId }, { attempts, nextAttemptAt: new Date(Date.now() + waitMs) });
      return;
    }
    this.logger.log(`${label} ${answer.outcome}${answer.detail ? ` (${answer.detail})` : ''} after ${attempts} attempt(s)`);
    await this.complete(manager, action, attempts, answer);
  }

  /** The final state and its event, in the round's transaction; the personal identity numbers go. */
  private async complete(manager: EntityManager, action: ActionEntity, attempts: number, completion: Completion): Promise<void> {
    const completedAt = new Date();
    await manager.getRepository(ActionEntity).update(
      { actionId: action.actionId },
      {
        status: 'DONE',
        outcome: completion.outcome,
        detail: completion.detail,
        staffToolReference: completion.staffToolReference,
        attempts,
        completedAt,
        personnummer: null,
        guardianPersonnummer: null,
      },
    );
    const completed: ActionCompletedV1 = {
      actionId: action.actionId,
      caseId: action.caseId,
      action: action.action,
      outcome: completion.outcome,
      mode: action.mode,
      staffToolReference: completion.staffToolReference,
      detail: completion.detail,
      completedAt: completedAt.toISOString(),
    };
    await this.messaging.publish(
      manager,
      createEnvelope(ActionCompletedV1, completed, {
        correlationId: action.caseId,
        causationId: action.causationId,
        region: action.region,
        actor: systemActor('execution', action.region),
      }),
    );
  }
}
