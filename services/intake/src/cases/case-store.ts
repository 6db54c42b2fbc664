import { EntityManager } from 'typeorm';
import { CaseStatus, CaseView, TimelineEntry } from '@accessdesk/contracts';
import { CaseEntity, TimelineEntryEntity } from './case.entity';
import { STATUS_TEXT, canMove } from './case-status';

export async function findCaseForUpdate(manager: EntityManager, id: string): Promise<CaseEntity | null> {
  return manager.getRepository(CaseEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

export async function appendTimeline(manager: EntityManager, caseId: string, entries: TimelineEntry[]): Promise<void> {
  await manager.getRepository(TimelineEntryEntity).insert(entries.map((e) => ({ caseId, status: e.status, by: e.by, note: e.note, at: new Date(e.at) })));
}

/** A step that records something without moving the case (feedback sent, review planned). */
export async function noteOnTimeline(manager: EntityManager, entity: CaseEntity, by: string, note: string): Promise<void> {
  await appendTimeline(manager, entity.id, [{ at: new Date().toISOString(), status: entity.status, by, note }]);
}

/**
 * Moves a case forward and writes the step in its timeline; a move the state machine does not allow
 * (a late or repeated event) changes nothing and answers false.
 */
export async function moveCase(manager: EntityManager, entity: CaseEntity, to: CaseStatus, by: string, note?: string): Promise<boolean> {
  if (!canMove(entity.status, to)) return false;
  entity.status = to;
  await manager.getRepository(CaseEntity).save(entity);
  await appendTimeline(manager, entity.id, [{ at: new Date().toISOString(), status: to, by, note: note ?? STATUS_TEXT[to] }]);
  return true;
}

export async function toCaseView(manager: EntityManager, entity: CaseEntity): Promise<CaseView> {
  const timeline = await manager.getRepository(TimelineEntryEntity).find({ where: { caseId: entity.id }, order: { seq: 'ASC' } });
  return caseView(
    entity,
    timeline.map((t) => ({ at: t.at.toISOString(), status: t.status, by: t.by, note: t.note })),
  );
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
