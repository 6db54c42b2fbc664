import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, CaseStatus, CaseView, RelatedCaseRef, TimelineEntry } from '@accessdesk/contracts';
import { AuditAction, auditStatement, residentRef } from '@accessdesk/audit';
import { Statement, runTogether } from '@accessdesk/persistence';
import { IntakeConfig } from '../../intake.config';
import { CaseEntity, TimelineEntryEntity } from './case.entity';
import { StepNote, caseView, renderNote, splitNote } from './case-view';

/** The fields of a case that a use case may change after registration; `save` writes exactly these. */
const CHANGEABLE = [
  'status',
  'outcome',
  'paperwork',
  'actionId',
  'feedbackSentAt',
  'reviewScheduledAt',
  'reviewId',
  'liftedByCaseId',
  'voidReason',
  'reviewOutcome',
  'reviewUnlockCaseId',
  'lockedByRegion',
  'loginSeenAt',
  'protectedIdentity',
  'registryReference',
] as const satisfies ReadonlyArray<keyof CaseEntity>;

/**
 * Reads and writes of cases, each with its timeline step and its audit record (R23) in the caller's
 * transaction, so that nothing changes, and nothing is shown, without a record of who did it. It
 * publishes nothing: what a case's moves tell the other services is CaseLifecycle's to decide.
 */
/** The cases related to one (R5, R10), and whether earlier cases were left out. */
export interface RelatedCases {
  cases: RelatedCaseRef[];
  truncated: boolean;
}

@Injectable()
export class CaseRepository {
  /** How many earlier cases of the resident a case names (R5). */
  private readonly relatedCasesShown: number;

  constructor(@Inject(IntakeConfig) private readonly config: IntakeConfig) {
    this.relatedCasesShown = config.RELATED_CASES_SHOWN;
  }

  /** The case, its row locked until the caller's transaction ends. */
  async findForUpdate(manager: EntityManager, id: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The case that `key` created for `owner`, if any (`Idempotency-Key`). */
  async findByIdempotencyKey(manager: EntityManager, owner: string, key: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOneBy({ idempotencyOwner: owner, idempotencyKey: key });
  }

  async insert(manager: EntityManager, entity: CaseEntity, timeline: TimelineEntry[], actor: Actor): Promise<void> {
    await runTogether(manager, this.insertStatements(manager, entity, timeline, actor));
  }

  /**
   * What `insert` writes (the case, its first steps, its audit record), as statements for the caller
   * to run together with its own (`runTogether`): registration holds the R6 counter's lock until
   * commit, so everything after it goes in one round trip.
   */
  insertStatements(manager: EntityManager, entity: CaseEntity, timeline: TimelineEntry[], actor: Actor): Statement[] {
    return [
      statementOf(manager.createQueryBuilder().insert().into(CaseEntity).values(entity)),
      this.timelineStatement(manager, entity.id, timeline),
      this.auditStatement(manager, 'CASE_CREATED', actor, entity, `${entity.type} ${entity.registryNumber}`),
    ];
  }

  /**
   * Writes the fields a use case may change. One UPDATE: the row is already locked by
   * `findForUpdate`, so TypeORM's save (a SELECT, then the UPDATE) would only add a round trip.
   */
  async save(manager: EntityManager, entity: CaseEntity): Promise<void> {
    await runTogether(manager, [this.saveStatement(manager, entity)]);
  }

  /** `save`, as a statement to run together with the step that goes with it. */
  saveStatement(manager: EntityManager, entity: CaseEntity): Statement {
    entity.updatedAt = new Date();
    const changed = Object.fromEntries(CHANGEABLE.map((field) => [field, entity[field]])) as Partial<CaseEntity>;
    return statementOf(
      manager
        .createQueryBuilder()
        .update(CaseEntity)
        .set({ ...changed, updatedAt: entity.updatedAt } as QueryDeepPartialEntity<CaseEntity>)
        .where({ id: entity.id }),
    );
  }

  /** `save` and `note` in one round trip. */
  async saveWithNote(manager: EntityManager, entity: CaseEntity, actor: Actor, note: StepNote): Promise<void> {
    await runTogether(manager, [this.saveStatement(manager, entity), ...this.noteStatements(manager, entity, actor, note)]);
  }

  /** Writes the form after a completion, the paperwork or its reduction (R8): the request and the resident it names. */
  async saveRequest(manager: EntityManager, entity: CaseEntity): Promise<void> {
    await manager.getRepository(CaseEntity).update({ id: entity.id }, { request: entity.request, residentPersonnummer: entity.residentPersonnummer });
  }

  /** A step that records something without moving the case (feedback sent, review planned). */
  async note(manager: EntityManager, entity: CaseEntity, actor: Actor, note: StepNote): Promise<void> {
    await runTogether(manager, this.noteStatements(manager, entity, actor, note));
  }

  noteStatements(manager: EntityManager, entity: CaseEntity, actor: Actor, note: StepNote): Statement[] {
    const step = splitNote(note);
    return [this.stepStatement(manager, entity, actor, step), this.auditStatement(manager, 'CASE_UPDATED', actor, entity, renderNote(step.note, step.freeText, false))];
  }

  /** The step of a move from `from` to the case's status now, in its timeline and in the audit trail: statements to run with the move's own writes. */
  moveStatements(manager: EntityManager, entity: CaseEntity, from: CaseStatus, actor: Actor, note: StepNote): Statement[] {
    return [this.stepStatement(manager, entity, actor, splitNote(note)), this.auditStatement(manager, 'CASE_STATUS_CHANGED', actor, entity, `${from} → ${entity.status}`)];
  }

  /** The pseudonym of a resident in the audit trail (R23): the personnummer never stands there. */
  residentRef(personnummer: string): string {
    return residentRef(personnummer, this.config.AUDIT_PSEUDONYM_KEY);
  }

  async audit(manager: EntityManager, action: AuditAction, actor: Actor, entity: CaseEntity, detail?: string): Promise<void> {
    const { sql, params } = this.auditStatement(manager, action, actor, entity, detail);
    await manager.query(sql, params);
  }

  private auditStatement(manager: EntityManager, action: AuditAction, actor: Actor, entity: CaseEntity, detail?: string): Statement {
    return auditStatement(manager, {
      action,
      actor,
      region: entity.region,
      caseId: entity.id,
      residentRef: this.residentRef(entity.residentPersonnummer),
      detail: detail ?? null,
    }).statement;
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
      timeline.map((t) => ({ at: t.at.toISOString(), status: t.status, by: t.by, note: renderNote(t.note, t.freeText, entity.protectedIdentity) })),
      await this.relatedCases(manager, entity),
    );
  }

  /**
   * R5 earlier cases of the same resident in the same region (000 §6.5), the newest 50 (`truncated`
   * says there are more), and R10 the lock an unlock lifts and the unlock that lifted a lock.
   * Another region's cases stay invisible.
   */
  async relatedCases(
    manager: EntityManager,
    entity: Pick<CaseEntity, 'residentPersonnummer' | 'region' | 'liftsCaseId' | 'liftedByCaseId'> & Partial<Pick<CaseEntity, 'id' | 'createdAt'>>,
  ): Promise<RelatedCases> {
    const repository = manager.getRepository(CaseEntity);
    const linkIds = [entity.liftsCaseId, entity.liftedByCaseId].filter((id): id is string => !!id);
    // A case not registered yet (no id) relates to every case of the resident in the region so far.
    // The links are named as links, not as earlier cases: they do not count against the limit.
    const excluded = [...(entity.id ? [entity.id] : []), ...linkIds];
    const earlier = await repository.find({
      where: {
        residentPersonnummer: entity.residentPersonnummer,
        region: entity.region,
        ...(entity.id && entity.createdAt ? { createdAt: LessThan(entity.createdAt) } : {}),
        ...(excluded.length > 0 ? { id: Not(In(excluded)) } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: this.relatedCasesShown + 1,
    });
    const truncated = earlier.length > this.relatedCasesShown;
    const links = linkIds.length > 0 ? await repository.findBy({ id: In(linkIds), region: entity.region }) : [];
    const ref = (c: CaseEntity, relation: RelatedCaseRef['relation']): RelatedCaseRef => ({ id: c.id, registryNumber: c.registryNumber, type: c.type, status: c.status, relation });
    const refs: RelatedCaseRef[] = [];
    for (const link of links) refs.push(ref(link, link.id === entity.liftsCaseId ? 'LIFTS' : 'LIFTED_BY'));
    for (const c of earlier.slice(0, this.relatedCasesShown)) refs.push(ref(c, 'EARLIER_CASE_OF_RESIDENT'));
    return { cases: refs, truncated };
  }

  /** One step at the case's status now. */
  private stepStatement(manager: EntityManager, entity: CaseEntity, actor: Actor, step: { note: string; freeText: string | null }): Statement {
    return this.timelineStatement(manager, entity.id, [{ at: new Date().toISOString(), status: entity.status, by: actor.sub, note: step.note }], step.freeText);
  }

  /** Steps in one INSERT, so that they are numbered in the order given. */
  private timelineStatement(manager: EntityManager, caseId: string, entries: TimelineEntry[], freeText: string | null = null): Statement {
    return statementOf(
      manager
        .createQueryBuilder()
        .insert()
        .into(TimelineEntryEntity)
        .values(entries.map((e) => ({ caseId, status: e.status, by: e.by, note: e.note, freeText, at: new Date(e.at) }))),
    );
  }
}

/** A TypeORM query builder's statement, not run: for `runTogether`. */
function statementOf(qb: { getQueryAndParameters(): [string, unknown[]] }): Statement {
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}
