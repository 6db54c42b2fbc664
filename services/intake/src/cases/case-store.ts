import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, CaseStatus, CaseView, TimelineEntry } from '@accessdesk/contracts';
import { AuditAction, appendAudit, residentRef } from '@accessdesk/audit';
import { IntakeConfig } from '../intake.config';
import { CaseEntity, TimelineEntryEntity } from './case.entity';
import { STATUS_TEXT, canMove } from './case-status';

/** R8: what a closed case no longer keeps of the form (blanketten gallras). */
export const REDACTED = '[gallrad]';

/**
 * Reads and writes of cases, each with its timeline step and its audit record (R23) in the caller's
 * transaction, so that nothing changes, and nothing is shown, without a record of who did it.
 */
@Injectable()
export class CaseStore {
  constructor(@Inject(IntakeConfig) private readonly config: IntakeConfig) {}

  async findForUpdate(manager: EntityManager, id: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  residentRef(personnummer: string): string {
    return residentRef(personnummer, this.config.AUDIT_PSEUDONYM_KEY);
  }

  async audit(manager: EntityManager, action: AuditAction, actor: Actor, entity: CaseEntity, detail?: string): Promise<void> {
    await appendAudit(manager, {
      action,
      actor,
      region: entity.region,
      caseId: entity.id,
      residentRef: this.residentRef(entity.residentPersonnummer),
      detail: detail ?? null,
    });
  }

  async insert(manager: EntityManager, entity: CaseEntity, timeline: TimelineEntry[], actor: Actor): Promise<void> {
    await manager.getRepository(CaseEntity).insert(entity);
    await this.appendTimeline(manager, entity.id, timeline);
    await this.audit(manager, 'CASE_CREATED', actor, entity, `${entity.type} ${entity.registryNumber}`);
  }

  /** A step that records something without moving the case (feedback sent, review planned). */
  async note(manager: EntityManager, entity: CaseEntity, actor: Actor, note: string): Promise<void> {
    await this.appendTimeline(manager, entity.id, [{ at: new Date().toISOString(), status: entity.status, by: actor.sub, note }]);
    await this.audit(manager, 'CASE_UPDATED', actor, entity, note);
  }

  /**
   * Moves a case forward and writes the step in its timeline; a move the state machine does not
   * allow (a late or repeated event) changes nothing and answers false.
   */
  async move(manager: EntityManager, entity: CaseEntity, to: CaseStatus, actor: Actor, note?: string): Promise<boolean> {
    const from = entity.status;
    if (!canMove(from, to)) return false;
    entity.status = to;
    await this.save(manager, entity);
    await this.appendTimeline(manager, entity.id, [{ at: new Date().toISOString(), status: to, by: actor.sub, note: note ?? STATUS_TEXT[to] }]);
    await this.audit(manager, 'CASE_STATUS_CHANGED', actor, entity, `${from} → ${to}`);
    if (to === 'CLOSED') await this.reducePersonalData(manager, entity, actor);
    return true;
  }

  /**
   * Writes the fields a use case may change. One UPDATE: the row is already locked by
   * `findForUpdate`, so TypeORM's save (a SELECT, then the UPDATE) would only add a round trip.
   */
  async save(manager: EntityManager, entity: CaseEntity): Promise<void> {
    const { status, outcome, paperwork, actionId, feedbackSentAt, reviewScheduledAt } = entity;
    entity.updatedAt = new Date();
    await manager
      .getRepository(CaseEntity)
      .update({ id: entity.id }, { status, outcome, paperwork, actionId, feedbackSentAt, reviewScheduledAt, updatedAt: entity.updatedAt });
  }

  /** A read, recorded before it is answered. */
  async read(manager: EntityManager, entity: CaseEntity, actor: Actor): Promise<CaseView> {
    await this.audit(manager, 'CASE_READ', actor, entity);
    return this.view(manager, entity);
  }

  async view(manager: EntityManager, entity: CaseEntity): Promise<CaseView> {
    const timeline = await manager.getRepository(TimelineEntryEntity).find({ where: { caseId: entity.id }, order: { seq: 'ASC' } });
    return caseView(
      entity,
      timeline.map((t) => ({ at: t.at.toISOString(), status: t.status, by: t.by, note: t.note })),
    );
  }

  /**
   * R8: once closed, the form's free text about the resident goes. What stays is what later cases
   * need: the personnummer (earlier cases R5, who may unlock R10), the decision's who, when and why.
   */
  private async reducePersonalData(manager: EntityManager, entity: CaseEntity, actor: Actor): Promise<void> {
    const r = entity.request;
    entity.request = {
      ...r,
      resident: { ...r.resident, name: REDACTED },
      initiator: { ...r.initiator, description: r.initiator.description ? REDACTED : r.initiator.description },
      decision: { ...r.decision, motivation: REDACTED },
      patientInformed: { ...r.patientInformed, reasonIfNot: r.patientInformed.reasonIfNot ? REDACTED : r.patientInformed.reasonIfNot },
    };
    await manager.getRepository(CaseEntity).update({ id: entity.id }, { request: entity.request });
    await this.audit(manager, 'CASE_PERSONAL_DATA_REDUCED', actor, entity, 'namn, motivering och fritext gallrade efter avslut (R8)');
  }

  private async appendTimeline(manager: EntityManager, caseId: string, entries: TimelineEntry[]): Promise<void> {
    await manager
      .getRepository(TimelineEntryEntity)
      .insert(entries.map((e) => ({ caseId, status: e.status, by: e.by, note: e.note, at: new Date(e.at) })));
  }
}

export function caseView(entity: CaseEntity, timeline: TimelineEntry[]): CaseView {
  return {
    id: entity.id,
    registryNumber: entity.registryNumber,
    type: entity.type,
    status: entity.status,
    region: entity.region,
    channel: entity.channel,
    outcome: entity.outcome,
    paperwork: entity.paperwork,
    effects: entity.effects,
    advice: entity.advice,
    relatedCases: [],
    requestingUnit: { hsaId: entity.request.requestingUnit.hsaId, name: entity.request.requestingUnit.name },
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    timeline,
  };
}
