import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, CaseConcludedV1, CaseEndedV1, CaseStatus, ExecuteActionV1, PaperworkPendingV1, PaperworkWaivedV1, systemActor } from '@accessdesk/contracts';
import { Cause, Messaging } from '@accessdesk/messaging';
import { runTogether } from '@accessdesk/persistence';
import { isLifting, isOtherRegionsLock } from '../../rules/r10-unlock-by-requesting-region';
import { paperworkOwed } from '../../rules/r12-emergency-lock';
import { endingToTell } from '../../rules/r8-every-outcome-told';
import { reducedRequest } from '../../rules/r8-personal-data-reduced';
import { CaseEntity } from './case.entity';
import { aboutCase, concludedEvent, endedEvent, recipient } from './case-events';
import { CaseRepository } from './case.repository';
import { STATUS_TEXT, canMove, isTerminal } from './case-status';
import { StepNote } from './case-view';

/**
 * A case's life after registration, and the one place that decides what its moves tell the other
 * services: a move the state machine allows, with the R8 ending it tells and the R12 form it waives;
 * the way to the staff tool (R7, R12); the conclusion (R8, R9, R10); and the close once nothing is
 * awaited. Each in the caller's transaction, caused by `cause`: the message being handled.
 */
@Injectable()
export class CaseLifecycle {
  constructor(
    private readonly cases: CaseRepository,
    private readonly messaging: Messaging,
  ) {}

  /**
   * Moves a case forward and writes the step in its timeline; a move the state machine does not
   * allow (a late or repeated event) changes nothing and answers false. A move that ends the case
   * in a way no other event tells (R8: voided, closed after a failure) publishes
   * `intake.case.ended.v1` here, with `reasons` (the desk's words), so that no path ends a case silently.
   */
  async move(manager: EntityManager, entity: CaseEntity, to: CaseStatus, actor: Actor, cause: Cause, note?: StepNote, reasons: string[] = []): Promise<boolean> {
    const from = entity.status;
    if (!canMove(from, to)) return false;
    entity.status = to;
    // R12: an emergency lock that ends unexecuted owes no form any more; its chase ends, and a form
    // sent later can no longer write the request back into a reduced case (R8).
    const waived = isTerminal(to) && paperworkOwed(entity.paperwork);
    if (waived) entity.paperwork = 'NOT_REQUIRED';
    // The case, its step, its audit record and what the move tells: one round trip.
    const ending = endingToTell(from, to);
    await runTogether(manager, [
      this.cases.saveStatement(manager, entity),
      ...(waived ? [this.messaging.publishStatement(manager, cause, PaperworkWaivedV1, { caseId: entity.id, waivedAt: new Date().toISOString() }, aboutCase(entity, actor))] : []),
      ...this.cases.moveStatements(manager, entity, from, actor, note ?? STATUS_TEXT[to]),
      ...(ending ? [this.messaging.publishStatement(manager, cause, CaseEndedV1, endedEvent(entity, ending, reasons), aboutCase(entity, actor))] : []),
    ]);
    // R8: a case that has ended, however it ended, keeps only what later cases need.
    if (isTerminal(to)) await this.reducePersonalData(manager, entity, actor);
    return true;
  }

  /**
   * R7: the case goes to the staff tool, with a new action id (the staff tool's idempotency key):
   * EXECUTING and `execution.execute-action.v1` in the caller's transaction.
   */
  async execute(manager: EntityManager, entity: CaseEntity, by: Actor, cause: Cause, note?: StepNote): Promise<boolean> {
    const actionId = randomUUID();
    const previous = entity.actionId;
    entity.actionId = actionId;
    if (!(await this.move(manager, entity, 'EXECUTING', by, cause, note))) {
      entity.actionId = previous;
      return false;
    }
    const command: ExecuteActionV1 = {
      actionId,
      caseId: entity.id,
      registryNumber: entity.registryNumber,
      action: entity.type,
      personnummer: entity.residentPersonnummer,
      sealScope: entity.request.sealScope ?? null,
    };
    await this.messaging.publish(manager, cause, ExecuteActionV1, command, aboutCase(entity, by));
    return true;
  }

  /**
   * R12: an emergency lock goes to the staff tool, and its form is chased from now on: from staff, or
   * from the resident who asked for the lock.
   */
  async executeEmergency(manager: EntityManager, entity: CaseEntity, by: Actor, cause: Cause, note: string): Promise<boolean> {
    const sender = entity.paperworkSender ?? 'STAFF';
    const from = sender === 'RESIDENT' ? 'invånaren' : 'vårdpersonalen';
    if (!(await this.execute(manager, entity, by, cause, `${note}; blanketten skickas i efterhand av ${from} (R12)`))) return false;
    const pending: PaperworkPendingV1 = { caseId: entity.id, registryNumber: entity.registryNumber, sender, requestingUnit: recipient(entity), recordedAt: new Date().toISOString() };
    await this.messaging.publish(manager, cause, PaperworkPendingV1, pending, aboutCase(entity, systemActor('intake', entity.region)));
    return true;
  }

  /**
   * A case the staff tool carried out (EXECUTED) or had nothing to do for (NOT_APPLICABLE) is
   * concluded: an executed unlock marks the lock it lifts as lifted (R10), and
   * `intake.case.concluded.v1` brings the feedback (R8) and, for a lock, its review (R9). `at` is when
   * the action took effect, from which the review is dated.
   */
  async conclude(manager: EntityManager, entity: CaseEntity, cause: Cause, at: string): Promise<void> {
    if (entity.outcome === 'EXECUTED') await this.markLifted(manager, entity);
    await this.messaging.publish(manager, cause, CaseConcludedV1, concludedEvent(entity, at), aboutCase(entity, systemActor('intake', entity.region)));
  }

  /**
   * A concluded case closes when everything it waits for has happened: the feedback sent (R8), for
   * an executed lock its review scheduled (R9), and for an emergency lock its form received (R12).
   */
  async closeIfDone(manager: EntityManager, entity: CaseEntity, cause: Cause): Promise<void> {
    if (entity.status !== 'EXECUTED' && entity.status !== 'NOT_APPLICABLE') return;
    if (!entity.feedbackSentAt) return;
    if (entity.type === 'LOGIN_LOCK' && entity.outcome === 'EXECUTED' && !isOtherRegionsLock(entity) && !entity.reviewScheduledAt) return;
    // R12: a form that is being checked, or was returned, is still owed.
    if (paperworkOwed(entity.paperwork)) return;
    await this.move(manager, entity, 'CLOSED', systemActor('intake', entity.region), cause);
  }

  /** R10: an executed unlock (or unseal) marks the lock it lifts as lifted, once. */
  private async markLifted(manager: EntityManager, entity: CaseEntity): Promise<void> {
    if (!isLifting(entity.type) || !entity.liftsCaseId) return;
    const lifted = await this.cases.findForUpdate(manager, entity.liftsCaseId);
    if (lifted && !lifted.liftedByCaseId) {
      lifted.liftedByCaseId = entity.id;
      await this.cases.saveWithNote(manager, lifted, systemActor('intake', entity.region), `Hävd genom ${entity.registryNumber} (R10)`);
    }
  }

  /** R8: once ended, the form's free text about the resident goes (rules/r8-personal-data-reduced.ts). */
  private async reducePersonalData(manager: EntityManager, entity: CaseEntity, actor: Actor): Promise<void> {
    entity.request = reducedRequest(entity.request);
    await this.cases.saveRequest(manager, entity);
    await this.cases.audit(manager, 'CASE_PERSONAL_DATA_REDUCED', actor, entity, `namn, motivering och fritext gallrade (${entity.status}, R8)`);
  }
}
