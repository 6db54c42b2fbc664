import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import {
  CompleteWorkItemV1,
  Envelope,
  ManualResultInconsistency,
  Problem,
  RecordManualResultV1,
  RpcReply,
  WorkItemResolvedV1,
  WorkItemView,
  manualLockedByRegion,
  manualResultInconsistency,
  problem,
} from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { aboutCase } from '../domain/case/case-events';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { caseStateConflict } from '../domain/case/case-problems';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemEntity } from '../domain/work-items/work-item.entity';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';
import { queuesOf, workItemView } from '../domain/work-items/work-item-view';

export const WORK_ITEM_NOT_FOUND = problem('work-item-not-found', 404, 'Work item not found', 'No work item with this id is in your inbox.');

/** R10 R16: why an operator's report cannot be what the staff tool showed (problem types by rule). */
const MANUAL_RESULT_PROBLEM: Record<ManualResultInconsistency, (region: string) => Problem> = {
  NO_ACCOUNT_NOT_A_LOGIN_ACTION: () =>
    problem(
      'no-account-not-a-login-action',
      422,
      'NO_ACCOUNT is an answer only to a login lock or unlock (R16)',
      'A guardian block and a seal act on the journal and the guardians’ access, which every resident has, with or without a 1177 login of their own. Report DONE, ALREADY_IN_STATE or FAILED.',
    ),
  LOCKED_BY_REGION_MISSING: () =>
    problem(
      'locked-by-region-missing',
      422,
      'Say which region’s lock the staff tool shows (R10)',
      'The login was already locked: give lockedByRegion, the region the staff tool names ("låst på begäran av Region X"). Only that region can unlock it.',
    ),
  LOCKED_BY_REGION_NOT_OWN: (region) =>
    problem('locked-by-region-not-own', 422, 'A lock you made is your region’s (R10)', `With result DONE the lock is region ${region}'s; if the staff tool showed another region's lock, report ALREADY_IN_STATE.`),
  LOCKED_BY_REGION_NOT_APPLICABLE: () =>
    problem('locked-by-region-not-applicable', 422, 'lockedByRegion belongs to a login lock only (R10)', 'Give lockedByRegion only for a LOGIN_LOCK reported DONE or ALREADY_IN_STATE.'),
};

/**
 * Issue 9 (R7, R8): the staff tool's answer was lost and its state unreadable, so "not executed" is
 * not known; closing unexecuted would tell the unit head "not locked" of a resident who may be.
 */
export const EXECUTION_OUTCOME_UNKNOWN = problem(
  'execution-outcome-unknown',
  409,
  'Look in the staff tool first: the action may have been carried out (R7)',
  'The staff tool did not answer the action and its account state could not be read. Record what the staff tool shows on this item (result DONE, ALREADY_IN_STATE, NO_ACCOUNT or FAILED, with executedAt: when you looked, and observed); after FAILED the case can be closed. RETRY is allowed.',
);

/** How far a clock may be off when an operator's executedAt is checked against ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * An item of the desks' inbox done once, by whom and when recorded (DESIGN.md "work items"): a
 * manual execution reported (R7), a failed execution retried or closed (R7), an unknown outcome
 * resolved by what the staff tool shows (issue 9). Items of the other kinds are completed on their
 * case (verification, paperwork, completion or void).
 */
@MessageHandlers()
export class CompleteWorkItemHandler {
  private readonly logger = new Logger(CompleteWorkItemHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
  ) {}

  @MessagePattern(CompleteWorkItemV1.type, { contract: CompleteWorkItemV1, queue: 'rpc' })
  @ForEndpoint('POST /work-items/{id}/complete')
  async answer(@Message() envelope: Envelope<CompleteWorkItemV1>): Promise<RpcReply<WorkItemView>> {
    const actor = envelope.actor;
    const { workItemId, request } = envelope.payload;
    return this.messaging.transaction(async (manager) => {
      const seen = await manager.getRepository(WorkItemEntity).findOneBy({ id: workItemId });
      if (!seen || seen.region !== actor.region || !queuesOf(actor).includes(seen.queue)) return { ok: false as const, problem: WORK_ITEM_NOT_FOUND };
      // The case's row first, then the item's, in the order the case commands take them (they close
      // items on their case): the opposite order let a void and a RETRY deadlock.
      const intakeCase = await this.cases.findForUpdate(manager, seen.caseId);
      const item = (await manager.getRepository(WorkItemEntity).findOne({ where: { id: workItemId }, lock: { mode: 'pessimistic_write' } })) as WorkItemEntity;
      if (item.status !== 'OPEN') return { ok: true as const, body: workItemView(item, intakeCase?.protectedIdentity ?? false) };
      let resolution: string;
      switch (item.kind) {
        case 'MANUAL_EXECUTION': {
          if (!request.result || !request.executedAt || !request.observed) {
            return { ok: false as const, problem: problem('manual-result-missing', 422, 'Say what was done in the staff tool (R7)', 'Give result, executedAt and observed (what the staff tool showed).') };
          }
          // The review date counts from executedAt (R9): a typo in the year would move it by years.
          const executedAt = Date.parse(request.executedAt);
          if (executedAt > Date.now() + CLOCK_SKEW_MS || executedAt < item.createdAt.getTime() - CLOCK_SKEW_MS) {
            return {
              ok: false as const,
              problem: problem('executed-at-out-of-range', 422, 'executedAt must lie between the work item’s opening and now', `The item opened ${item.createdAt.toISOString()}.`),
            };
          }
          // R10 R16: only what the staff tool can have shown for this action is taken.
          const inconsistent = item.action ? manualResultInconsistency(item.action, request.result, request.lockedByRegion, item.region) : null;
          if (inconsistent) return { ok: false as const, problem: MANUAL_RESULT_PROBLEM[inconsistent](item.region) };
          const result: RecordManualResultV1 = {
            actionId: item.actionId as string,
            caseId: item.caseId,
            result: request.result,
            executedBy: { hsaId: actor.sub, name: actor.name },
            executedAt: request.executedAt,
            observed: request.observed,
            ...(request.lockedByRegion ? { lockedByRegion: request.lockedByRegion } : {}),
          };
          await this.messaging.publish(manager, envelope, RecordManualResultV1, result, aboutCase({ id: item.caseId, region: item.region }));
          resolution = request.result;
          const lockedBy = request.lockedByRegion ? ` (låst på begäran av ${request.lockedByRegion})` : '';
          if (intakeCase) {
            await this.cases.note(manager, intakeCase, actor, { note: `Verkställt manuellt i personalverktyget av ${actor.name}: ${request.result}${lockedBy}`, freeText: request.observed });
          }
          break;
        }
        case 'FAILED_EXECUTION': {
          if (!request.resolution) {
            return { ok: false as const, problem: problem('resolution-missing', 422, 'Say how the failure is resolved (R7)', 'Give resolution: RETRY (send it to the staff tool again) or CLOSE.') };
          }
          if (!intakeCase) {
            // A guardian block's action: guardian-block sends it again, or stops waiting for it.
            const resolved: WorkItemResolvedV1 = {
              workItemId: item.id,
              caseId: item.caseId,
              actionId: item.actionId as string,
              kind: item.kind,
              resolution: request.resolution,
              resolvedBy: actor.sub,
              resolvedAt: new Date().toISOString(),
            };
            await this.messaging.publish(manager, envelope, WorkItemResolvedV1, resolved, aboutCase({ id: item.caseId, region: item.region }));
          } else if (request.resolution === 'RETRY') {
            if (!(await this.lifecycle.execute(manager, intakeCase, actor, envelope, { note: 'Nytt försök i personalverktyget', freeText: request.note }))) {
              return { ok: false as const, problem: caseStateConflict(intakeCase.status) };
            }
          } else if (
            // R8: the move tells the requester that nothing was done (intake.case.ended.v1, CLOSED_UNEXECUTED).
            !(await this.lifecycle.move(manager, intakeCase, 'CLOSED', actor, envelope, { note: 'Avslutat utan verkställande', freeText: request.note }, request.note ? [request.note] : []))
          ) {
            return { ok: false as const, problem: caseStateConflict(intakeCase.status) };
          } else {
            // An emergency lock closed unexecuted: its form is no longer chased (R12).
            await this.inbox.closeOpen(manager, intakeCase.id, ['PAPERWORK'], actor.sub, 'NOT_REQUIRED');
          }
          resolution = request.resolution;
          break;
        }
        case 'UNKNOWN_EXECUTION': {
          const recorded = await this.recordUnknownOutcome(manager, envelope, item, intakeCase, request);
          if ('problem' in recorded) return { ok: false as const, problem: recorded.problem };
          resolution = recorded.resolution;
          break;
        }
        default:
          return {
            ok: false as const,
            problem: problem(
              'complete-on-the-case',
              409,
              'Complete this item on its case',
              item.kind === 'MANUAL_VERIFICATION'
                ? `Record the phone call with POST /cases/${item.caseId}/verification.`
                : item.kind === 'EMERGENCY_CALL'
                  ? `Complete the case with POST /cases/${item.caseId}/completion, or void it with POST /cases/${item.caseId}/void (R12).`
                  : `Record the form with POST /cases/${item.caseId}/paperwork.`,
            ),
          };
      }
      const done = { status: 'DONE' as const, completedAt: new Date(), completedBy: actor.sub, resolution, subject: null };
      await manager.getRepository(WorkItemEntity).update({ id: item.id }, done);
      this.logger.log(`work item ${item.id} (${item.kind}) on case ${item.caseId} done: ${resolution}`);
      return { ok: true as const, body: workItemView({ ...item, ...done }, intakeCase?.protectedIdentity ?? false) };
    });
  }

  /**
   * Issue 9 (R7, R8): an UNKNOWN outcome is resolved by what the operator sees in the staff tool.
   * DONE or ALREADY_IN_STATE: the case is EXECUTED and concluded (feedback R8, review R9) as if the
   * tool had answered; NO_ACCOUNT (a login action, R16): NOT_APPLICABLE, concluded; FAILED: an
   * ordinary FAILED_EXECUTION item follows, which may be retried or closed. CLOSE before that is
   * refused; RETRY sends the action again (the tool is idempotent in effect: a lock in place answers
   * ALREADY_IN_STATE). A guardian block's action never gets this kind (its item is FAILED_EXECUTION).
   */
  private async recordUnknownOutcome(
    manager: EntityManager,
    envelope: Envelope<CompleteWorkItemV1>,
    item: WorkItemEntity,
    intakeCase: CaseEntity | null,
    request: CompletionRequest,
  ): Promise<{ resolution: string } | { problem: Problem }> {
    const actor = envelope.actor;
    if (!intakeCase) return { problem: WORK_ITEM_NOT_FOUND };
    if (request.resolution === 'CLOSE') return { problem: EXECUTION_OUTCOME_UNKNOWN };
    if (request.resolution === 'RETRY') {
      const retried = await this.lifecycle.execute(manager, intakeCase, actor, envelope, { note: 'Nytt försök i personalverktyget (utfallet var okänt)', freeText: request.note });
      return retried ? { resolution: 'RETRY' } : { problem: caseStateConflict(intakeCase.status) };
    }
    if (!request.result || !request.executedAt || !request.observed) return { problem: EXECUTION_OUTCOME_UNKNOWN };
    const lookedAt = Date.parse(request.executedAt);
    if (lookedAt > Date.now() + CLOCK_SKEW_MS || lookedAt < item.createdAt.getTime() - CLOCK_SKEW_MS) {
      return { problem: problem('executed-at-out-of-range', 422, 'executedAt must lie between the work item’s opening and now', `The item opened ${item.createdAt.toISOString()}.`) };
    }
    // R10 R16: only what the staff tool can have shown for this action is taken.
    const inconsistent = item.action ? manualResultInconsistency(item.action, request.result, request.lockedByRegion, item.region) : null;
    if (inconsistent) return { problem: MANUAL_RESULT_PROBLEM[inconsistent](item.region) };
    if (intakeCase.actionId !== item.actionId) return { problem: caseStateConflict(intakeCase.status) };
    const lockedBy = request.lockedByRegion ? ` (låst på begäran av ${request.lockedByRegion})` : '';
    const seen = { note: `Personalverktyget kontrollerat av ${actor.name} efter okänt utfall: ${request.result}${lockedBy}`, freeText: request.observed };
    if (request.result === 'FAILED') {
      if (intakeCase.status !== 'FAILED') return { problem: caseStateConflict(intakeCase.status) };
      intakeCase.outcome = 'FAILED';
      await this.cases.save(manager, intakeCase);
      await this.cases.note(manager, intakeCase, actor, seen);
      await this.inbox.open(manager, {
        kind: 'FAILED_EXECUTION',
        queue: item.queue,
        region: item.region,
        caseId: item.caseId,
        registryNumber: item.registryNumber,
        action: item.action,
        actionId: item.actionId,
        title: `Verkställandet misslyckades – ${item.registryNumber}`,
        details: [`Personalverktyget visar att åtgärden inte genomfördes (kontrollerat av ${actor.name}).`, 'Försök igen (RETRY) eller avsluta ärendet (CLOSE).'],
      });
      return { resolution: 'FAILED' };
    }
    const outcome = request.result === 'NO_ACCOUNT' ? 'NOT_APPLICABLE' : 'EXECUTED';
    intakeCase.outcome = outcome;
    // R10: what the operator saw of the login, as a manual execution reports it.
    const lockedByRegion = item.action ? manualLockedByRegion(item.action, request.result, request.lockedByRegion, item.region) : undefined;
    if (lockedByRegion !== undefined) Object.assign(intakeCase, { lockedByRegion, loginSeenAt: new Date(lookedAt) });
    if (!(await this.lifecycle.move(manager, intakeCase, outcome, actor, envelope, seen))) return { problem: caseStateConflict(intakeCase.status) };
    // The action took effect before the item opened, when the staff tool stopped answering: the
    // case's execution (and so its review, R9) is dated from then, not from when the desk looked.
    await this.lifecycle.conclude(manager, intakeCase, envelope, item.createdAt.toISOString());
    return { resolution: request.result };
  }
}

/** The completion body of an UNKNOWN_EXECUTION item, as `answer()` received it. */
type CompletionRequest = CompleteWorkItemV1['request'];
