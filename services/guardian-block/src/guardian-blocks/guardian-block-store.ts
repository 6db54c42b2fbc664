import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, GuardianBlockStatus, GuardianBlockView, GuardianTaskView } from '@accessdesk/contracts';
import { AuditAction, appendAudit, residentRef } from '@accessdesk/audit';
import { GuardianBlockConfig } from '../guardian-block.config';
import { FollowUpTask, taskDoneNote } from '../rules/r18-follow-up-tasks';
import { REDACTED, handlingOver, reducedBlockNote, reducedBlockRequest, reducedUnblockNote, reducedUnblockRequest } from '../rules/r8-free-text-reduced';
import { GuardianBlockEntity, GuardianBlockTimelineEntity, GuardianTaskEntity, GuardianUnblockEntity } from './guardian-block.entity';
import { STATUS_TEXT, canMove } from './guardian-block-status';

export interface TimelineStep {
  at: Date;
  status: GuardianBlockStatus;
  by: string;
  note: string;
}

/**
 * Reads and writes of guardian blocks, each with its timeline step and its audit records (R23) in
 * the caller's transaction, so that nothing changes, and nothing is shown, without a record of who
 * did it. A block concerns the child and the guardians: each of them gets the record under their
 * own pseudonym, so the trail of any of them shows it.
 */
@Injectable()
export class GuardianBlockStore {
  constructor(@Inject(GuardianBlockConfig) private readonly config: GuardianBlockConfig) {}

  residentRef(personnummer: string): string {
    return residentRef(personnummer, this.config.AUDIT_PSEUDONYM_KEY);
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<GuardianBlockEntity | null> {
    return manager.getRepository(GuardianBlockEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async audit(manager: EntityManager, action: AuditAction, actor: Actor, entity: GuardianBlockEntity, detail: string): Promise<void> {
    const base = { action, actor, region: entity.region, caseId: entity.id };
    await appendAudit(manager, { ...base, residentRef: this.residentRef(entity.childPersonnummer), detail: `barn: ${detail}` });
    for (const guardian of entity.guardians) {
      await appendAudit(manager, { ...base, residentRef: this.residentRef(guardian.personnummer), detail: `vårdnadshavare: ${detail}` });
    }
  }

  async insert(manager: EntityManager, entity: GuardianBlockEntity, timeline: TimelineStep[], tasks: readonly FollowUpTask[], actor: Actor): Promise<void> {
    await manager.getRepository(GuardianBlockEntity).insert(entity);
    await this.appendTimeline(manager, entity.id, timeline);
    await this.addTasks(manager, entity.id, tasks, entity.createdAt);
    await this.audit(manager, 'CASE_CREATED', actor, entity, `GUARDIAN_BLOCK ${entity.registryNumber} ${entity.status}`);
  }

  async addTasks(manager: EntityManager, guardianBlockId: string, tasks: readonly FollowUpTask[], at: Date): Promise<void> {
    if (tasks.length === 0) return;
    const repo = manager.getRepository(GuardianTaskEntity);
    const existing = await repo.countBy({ guardianBlockId });
    await repo.insert(
      tasks.map((t, i) => ({
        id: randomUUID(),
        guardianBlockId,
        position: existing + i,
        kind: t.kind,
        title: t.title,
        status: 'OPEN' as const,
        doneAt: null,
        doneBy: null,
        note: null,
        createdAt: at,
      })),
    );
  }

  /**
   * Moves a block forward and writes the step in its timeline; a move the state machine does not
   * allow (a late or repeated event) changes nothing and answers false.
   */
  async move(manager: EntityManager, entity: GuardianBlockEntity, to: GuardianBlockStatus, actor: Actor, note?: string): Promise<boolean> {
    const from = entity.status;
    if (!canMove(from, to)) return false;
    entity.status = to;
    await this.save(manager, entity);
    await this.appendTimeline(manager, entity.id, [{ at: new Date(), status: to, by: actor.sub, note: note ?? STATUS_TEXT[to] }]);
    await this.audit(manager, 'CASE_STATUS_CHANGED', actor, entity, `${from} → ${to}`);
    return true;
  }

  /**
   * A step that records something without moving the block (a linked lock, a confirmation, a task
   * done). `auditDetail` when the note holds free text that the append-only trail should not keep.
   */
  async note(manager: EntityManager, entity: GuardianBlockEntity, actor: Actor, note: string, auditDetail = note): Promise<void> {
    await this.save(manager, entity);
    await this.appendTimeline(manager, entity.id, [{ at: new Date(), status: entity.status, by: actor.sub, note }]);
    await this.audit(manager, 'CASE_UPDATED', actor, entity, auditDetail);
  }

  /**
   * R8: when every follow-up task is done and the block is in effect, lifted or never needed, the
   * block is CLOSED and its free text reduced, in the caller's transaction. True when it closed.
   */
  async closeIfHandlingOver(manager: EntityManager, entity: GuardianBlockEntity, actor: Actor): Promise<boolean> {
    const tasks = await manager.getRepository(GuardianTaskEntity).findBy({ guardianBlockId: entity.id });
    if (!handlingOver(entity.status, tasks)) return false;
    const from = entity.status;
    const blocked = entity.guardians.filter((g) => g.blocked).length;
    // Closed is not lifted: the timeline says whether the block is still in effect (R19).
    const note =
      blocked === 0
        ? STATUS_TEXT.CLOSED
        : `${STATUS_TEXT.CLOSED}. Blockeringen av ${blocked === 1 ? 'en vårdnadshavare' : 'båda vårdnadshavarna'} gäller tills den tas bort.`;
    if (!(await this.move(manager, entity, 'CLOSED', actor, note))) return false;
    await this.reduceFreeText(manager, entity, from === 'ALREADY_IN_EFFECT', tasks, actor);
    return true;
  }

  /**
   * R8, as intake does for a closed case: the block's and its unblocks' free text goes (the child's
   * name, motivations, who informed the guardian, the threat check's summary, the tasks' notes, and
   * the drafted EHR notes drafted again without them); who, what, when and the registry number stay.
   * Reducing what is already reduced changes nothing, so a block closed again after an unblock is
   * reduced again as a whole.
   */
  private async reduceFreeText(manager: EntityManager, entity: GuardianBlockEntity, alreadyInEffect: boolean, tasks: GuardianTaskEntity[], actor: Actor): Promise<void> {
    entity.ehrNote = reducedBlockNote(entity.registryNumber, entity.request, alreadyInEffect);
    entity.request = reducedBlockRequest(entity.request);
    await manager.getRepository(GuardianBlockEntity).update({ id: entity.id }, { request: entity.request, ehrNote: entity.ehrNote });
    const unblocks = manager.getRepository(GuardianUnblockEntity);
    for (const unblock of await unblocks.findBy({ guardianBlockId: entity.id })) {
      await unblocks.update(
        { id: unblock.id },
        { request: reducedUnblockRequest(unblock.request), ehrNote: reducedUnblockNote(entity.registryNumber, unblock.guardians.length, unblock.request) },
      );
    }
    const timeline = manager.getRepository(GuardianBlockTimelineEntity);
    for (const task of tasks.filter((t) => t.note !== null && t.note !== REDACTED)) {
      await manager.getRepository(GuardianTaskEntity).update({ id: task.id }, { note: REDACTED });
      await timeline.update({ guardianBlockId: entity.id, note: taskDoneNote(task.title, task.note) }, { note: taskDoneNote(task.title, REDACTED) });
    }
    await this.audit(manager, 'CASE_PERSONAL_DATA_REDUCED', actor, entity, `barnets namn, motiveringar och fritext gallrade (${entity.status}, R8)`);
  }

  /** Writes the fields a use case may change, in one UPDATE of the row `findForUpdate` locked. */
  async save(manager: EntityManager, entity: GuardianBlockEntity): Promise<void> {
    const { status, guardians, outcome, actionId, linkedLockCaseId, linkedLockRegistryNumber, confirmationSentAt } = entity;
    entity.updatedAt = new Date();
    await manager
      .getRepository(GuardianBlockEntity)
      .update({ id: entity.id }, { status, guardians, outcome, actionId, linkedLockCaseId, linkedLockRegistryNumber, confirmationSentAt, updatedAt: entity.updatedAt });
  }

  /** A read, recorded before it is answered. */
  async read(manager: EntityManager, entity: GuardianBlockEntity, actor: Actor, detail = 'läst'): Promise<GuardianBlockView> {
    await this.audit(manager, 'CASE_READ', actor, entity, detail);
    return this.view(manager, entity);
  }

  async view(manager: EntityManager, entity: GuardianBlockEntity): Promise<GuardianBlockView> {
    // One after the other: in a transaction they share one connection anyway.
    const timeline = await manager.getRepository(GuardianBlockTimelineEntity).find({ where: { guardianBlockId: entity.id }, order: { seq: 'ASC' } });
    const tasks = await manager.getRepository(GuardianTaskEntity).find({ where: { guardianBlockId: entity.id }, order: { position: 'ASC' } });
    const latestUnblock = await manager.getRepository(GuardianUnblockEntity).findOne({ where: { guardianBlockId: entity.id }, order: { requestedAt: 'DESC' } });
    return guardianBlockView(entity, timeline, tasks, latestUnblock);
  }

  private async appendTimeline(manager: EntityManager, guardianBlockId: string, steps: TimelineStep[]): Promise<void> {
    await manager.getRepository(GuardianBlockTimelineEntity).insert(steps.map((s) => ({ guardianBlockId, ...s })));
  }
}

function taskView(t: GuardianTaskEntity): GuardianTaskView {
  return { id: t.id, kind: t.kind, title: t.title, status: t.status, doneAt: t.doneAt?.toISOString() ?? null, doneBy: t.doneBy, note: t.note };
}

export function guardianBlockView(
  entity: GuardianBlockEntity,
  timeline: GuardianBlockTimelineEntity[],
  tasks: GuardianTaskEntity[],
  latestUnblock: GuardianUnblockEntity | null,
): GuardianBlockView {
  return {
    id: entity.id,
    registryNumber: entity.registryNumber,
    region: entity.region,
    status: entity.status,
    channel: entity.channel,
    urgent: entity.urgent,
    guardians: entity.guardians.map((g) => ({ personnummer: g.personnummer, blocked: g.blocked })),
    requestingUnit: { hsaId: entity.request.requestingUnit.hsaId, name: entity.request.requestingUnit.name },
    linkedLock:
      entity.linkedLockCaseId && entity.linkedLockRegistryNumber ? { caseId: entity.linkedLockCaseId, registryNumber: entity.linkedLockRegistryNumber } : null,
    ehrNote: entity.ehrNote,
    effects: entity.effects,
    tasks: tasks.map(taskView),
    confirmationSentAt: entity.confirmationSentAt?.toISOString() ?? null,
    unblock: latestUnblock
      ? {
          requestedAt: latestUnblock.requestedAt.toISOString(),
          threatCheck: { checkedAt: latestUnblock.request.threatCheck.checkedAt, summary: latestUnblock.request.threatCheck.summary },
          ehrNote: latestUnblock.ehrNote,
        }
      : null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    timeline: timeline.map((t) => ({ at: t.at.toISOString(), status: t.status, by: t.by, note: t.note })),
  };
}
