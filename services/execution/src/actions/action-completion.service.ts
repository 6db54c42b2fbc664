import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, Actor, Operator, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ActionEntity } from './action.entity';

export interface Completion {
  outcome: ActionCompletedV1['outcome'];
  detail: string | null;
  staffToolReference: string | null;
  /** The `http` worker's attempts; unchanged when omitted (manual mode). */
  attempts?: number;
  /** Manual mode: who executed, when, and what the staff tool showed. */
  manual?: { executedBy: Operator; executedAt: Date; observed: string };
  /** The message that caused the completion: the command (`http`) or the operator's result (`manual`). */
  causationId: string;
  /** Who caused it: the operator who reported (`manual`); execution itself otherwise. */
  actor?: Actor;
  /**
   * R10: for a login action, the region whose lock the staff tool showed in effect afterwards (null:
   * the login is not locked); undefined when the answer says nothing about the login.
   */
  lockedByRegion?: string | null;
  /** `http` mode, reconciled (issue 9): what the adapter saw of the account, without a personnummer. */
  observed?: string;
}

/**
 * The one way an action becomes DONE, in either adapter mode: the final state, the personal identity
 * numbers dropped (data minimisation), and `execution.action.completed.v1`, all in the caller's
 * transaction.
 */
@Injectable()
export class ActionCompletionService {
  constructor(private readonly messaging: Messaging) {}

  async complete(manager: EntityManager, action: ActionEntity, completion: Completion): Promise<void> {
    const completedAt = new Date();
    await manager.getRepository(ActionEntity).update(
      { actionId: action.actionId },
      {
        status: 'DONE',
        outcome: completion.outcome,
        detail: completion.detail,
        staffToolReference: completion.staffToolReference,
        ...(completion.attempts !== undefined ? { attempts: completion.attempts } : {}),
        completedAt,
        personnummer: null,
        guardianPersonnummer: null,
        executedBy: completion.manual?.executedBy ?? null,
        executedAt: completion.manual?.executedAt ?? null,
        observed: completion.manual?.observed ?? completion.observed ?? null,
        lockedByRegion: completion.lockedByRegion ?? null,
      },
    );
    const completed: ActionCompletedV1 = {
      actionId: action.actionId,
      caseId: action.caseId,
      registryNumber: action.registryNumber,
      action: action.action,
      outcome: completion.outcome,
      mode: action.mode,
      staffToolReference: completion.staffToolReference,
      detail: completion.detail,
      // By hand the action took effect when the operator says, not when the report reached us;
      // intake dates the case's execution (and so its review, R9) from this.
      completedAt: (completion.manual?.executedAt ?? completedAt).toISOString(),
      ...(completion.manual ? { executedBy: completion.manual.executedBy, observed: completion.manual.observed } : {}),
      ...(!completion.manual && completion.observed ? { observed: completion.observed } : {}),
      ...(completion.lockedByRegion !== undefined ? { lockedByRegion: completion.lockedByRegion } : {}),
    };
    const cause = { id: completion.causationId, correlationId: action.caseId, region: action.region, actor: completion.actor ?? systemActor('execution', action.region) };
    await this.messaging.publish(manager, cause, ActionCompletedV1, completed);
  }
}
