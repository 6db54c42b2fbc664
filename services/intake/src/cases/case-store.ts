import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  Actor,
  CaseConcludedV1,
  CaseEndedV1,
  CaseEnding,
  CaseStatus,
  CaseView,
  Envelope,
  ExecuteActionV1,
  FeedbackRecipient,
  PaperworkPendingV1,
  PaperworkWaivedV1,
  RelatedCaseRef,
  TimelineEntry,
  systemActor,
} from '@accessdesk/contracts';
import { EnvelopeMeta, Messaging, createEnvelope } from '@accessdesk/messaging';
import { AuditAction, appendAudit, residentRef } from '@accessdesk/audit';
import { IntakeConfig } from '../intake.config';
import { CaseEntity, TimelineEntryEntity } from './case.entity';
import { STATUS_TEXT, canMove, isTerminal } from './case-status';
import { isOtherRegionsLock } from '../rules/r10-unlock-by-requesting-region';

/**
 * A timeline step's text: a fixed note, and what it quotes from a person (a comment, a reason, what
 * the staff tool showed) apart, so that the quote can be withheld for a resident with a protected
 * identity — free text may name a place, a relative, a unit, an address.
 */
export type StepNote = string | { note: string; freeText?: string | null };

/** Shown instead of the free text of a step when the resident has a protected identity. */
export const FREE_TEXT_WITHHELD = '[fritext visas inte: skyddad identitet]';

/** The note as the case view shows it. */
export function renderNote(note: string, freeText: string | null | undefined, protectedIdentity: boolean): string {
  if (!freeText) return note;
  return `${note}: ${protectedIdentity ? FREE_TEXT_WITHHELD : freeText}`;
}

function splitNote(note: StepNote): { note: string; freeText: string | null } {
  return typeof note === 'string' ? { note, freeText: null } : { note: note.note, freeText: note.freeText?.trim() ? note.freeText : null };
}
import { endingToTell } from '../rules/r8-every-outcome-told';
import { paperworkOwed } from '../rules/r12-emergency-lock';

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

/** R8: what a closed case no longer keeps of the form (blanketten gallras). */
export const REDACTED = '[gallrad]';

/**
 * Reads and writes of cases, each with its timeline step and its audit record (R23) in the caller's
 * transaction, so that nothing changes, and nothing is shown, without a record of who did it.
 */
@Injectable()
export class CaseStore {
  constructor(
    @Inject(IntakeConfig) private readonly config: IntakeConfig,
    private readonly messaging: Messaging,
  ) {}

  /**
   * R7: the case goes to the staff tool, with a new action id (the staff tool's idempotency key):
   * EXECUTING and `execution.execute-action.v1` in the caller's transaction.
   */
  async execute(manager: EntityManager, entity: CaseEntity, by: Actor, cause: Pick<EnvelopeMeta, 'causationId'>, note?: StepNote): Promise<boolean> {
    const actionId = randomUUID();
    const previous = entity.actionId;
    entity.actionId = actionId;
    if (!(await this.move(manager, entity, 'EXECUTING', by, note))) {
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
    await this.messaging.publishEnvelopes(
      manager,
      createEnvelope(ExecuteActionV1, command, { correlationId: entity.id, causationId: cause.causationId, region: entity.region, actor: by }),
    );
    return true;
  }

  /**
   * R12: an emergency lock goes to the staff tool, and its form is chased from now on: from staff, or
   * from the resident who asked for the lock.
   */
  async executeEmergency(manager: EntityManager, entity: CaseEntity, by: Actor, cause: Pick<Envelope, 'id'>, note: string): Promise<boolean> {
    const sender = entity.paperworkSender ?? 'STAFF';
    const from = sender === 'RESIDENT' ? 'invånaren' : 'vårdpersonalen';
    if (!(await this.execute(manager, entity, by, { causationId: cause.id }, `${note}; blanketten skickas i efterhand av ${from} (R12)`))) return false;
    const pending: PaperworkPendingV1 = { caseId: entity.id, registryNumber: entity.registryNumber, sender, requestingUnit: this.recipient(entity), recordedAt: new Date().toISOString() };
    await this.publish(manager, PaperworkPendingV1, pending, entity, cause, systemActor('intake', entity.region));
    return true;
  }

  /** Who is told about the case (R8): the requesting unit's head. */
  recipient(entity: CaseEntity): FeedbackRecipient {
    const unit = entity.request.requestingUnit;
    return { hsaId: unit.hsaId, name: unit.name, headEmail: unit.headEmail };
  }

  /**
   * A concluded case closes when everything it waits for has happened: the feedback sent (R8), for
   * an executed lock its review scheduled (R9), and for an emergency lock its form received (R12).
   */
  async closeIfDone(manager: EntityManager, entity: CaseEntity): Promise<void> {
    if (entity.status !== 'EXECUTED' && entity.status !== 'NOT_APPLICABLE') return;
    if (!entity.feedbackSentAt) return;
    if (entity.type === 'LOGIN_LOCK' && entity.outcome === 'EXECUTED' && !isOtherRegionsLock(entity) && !entity.reviewScheduledAt) return;
    // R12: a form that is being checked, or was returned, is still owed.
    if (paperworkOwed(entity.paperwork)) return;
    await this.move(manager, entity, 'CLOSED', systemActor('intake', entity.region));
  }

  /** The concluded event for notification (R8) and review-scheduler (R9). */
  concluded(entity: CaseEntity, completedAt: string): CaseConcludedV1 {
    const executed = entity.outcome === 'EXECUTED';
    return {
      caseId: entity.id,
      registryNumber: entity.registryNumber,
      caseType: entity.type,
      outcome: entity.outcome ?? 'FAILED',
      concludedAt: completedAt,
      requestingUnit: this.recipient(entity),
      decidedByHsaId: entity.request.decision.decidedBy.hsaId,
      requesterEmail: entity.request.decision.decidedBy.email ?? null,
      effects: executed ? entity.effects : [],
      advice: executed ? entity.advice : [],
      liftsCaseId: executed ? entity.liftsCaseId : null,
      // R10: the lock in effect is another region's; only that region can lift it, and nothing of
      // this case's own is in effect to review (R9).
      ...(isOtherRegionsLock(entity) ? { lockedByRegion: entity.lockedByRegion } : {}),
      // Notification leaves out what locates the person (skyddad identitet).
      protectedIdentity: entity.protectedIdentity,
    };
  }

  /**
   * R8: the event that tells the requester an ending no other event tells (rules/r8-every-outcome-told.ts).
   * `reasons` are the desk's own words; the resident's personnummer and name are not in it.
   */
  ended(entity: CaseEntity, ending: CaseEnding, reasons: string[]): CaseEndedV1 {
    return {
      caseId: entity.id,
      registryNumber: entity.registryNumber,
      caseType: entity.type,
      ending,
      endedAt: new Date().toISOString(),
      requestingUnit: this.recipient(entity),
      reasons: reasons.map((r) => r.trim()).filter((r) => r.length > 0),
      // Notification leaves out what locates the person (skyddad identitet).
      protectedIdentity: entity.protectedIdentity,
    };
  }

  /** Writes the form after a completion or the paperwork: the request and the resident it names. */
  async saveRequest(manager: EntityManager, entity: CaseEntity): Promise<void> {
    await manager.getRepository(CaseEntity).update({ id: entity.id }, { request: entity.request, residentPersonnummer: entity.residentPersonnummer });
  }

  /** Publishes in the caller's transaction, caused by `cause`. */
  async publish<P extends object>(manager: EntityManager, contract: { new (): P; readonly type: string }, payload: P, entity: CaseEntity, cause: Pick<Envelope, 'id'>, actor: Actor): Promise<void> {
    await this.messaging.publishEnvelopes(manager, createEnvelope(contract, payload, { correlationId: entity.id, causationId: cause.id, region: entity.region, actor }));
  }

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
  async note(manager: EntityManager, entity: CaseEntity, actor: Actor, note: StepNote): Promise<void> {
    const step = splitNote(note);
    await this.appendTimeline(manager, entity.id, [{ at: new Date().toISOString(), status: entity.status, by: actor.sub, note: step.note }], step.freeText);
    await this.audit(manager, 'CASE_UPDATED', actor, entity, renderNote(step.note, step.freeText, false));
  }

  /**
   * Moves a case forward and writes the step in its timeline; a move the state machine does not
   * allow (a late or repeated event) changes nothing and answers false. A move that ends the case
   * in a way no other event tells (R8: voided, closed after a failure) publishes
   * `intake.case.ended.v1` here, with `reasons` (the desk's words), so that no path ends a case silently.
   */
  async move(manager: EntityManager, entity: CaseEntity, to: CaseStatus, actor: Actor, note?: StepNote, cause?: Pick<Envelope, 'id'>, reasons: string[] = []): Promise<boolean> {
    const from = entity.status;
    if (!canMove(from, to)) return false;
    entity.status = to;
    // R12: an emergency lock that ends unexecuted owes no form any more; its chase ends, and a form
    // sent later can no longer write the request back into a reduced case (R8).
    const waived = isTerminal(to) && paperworkOwed(entity.paperwork);
    if (waived) entity.paperwork = 'NOT_REQUIRED';
    await this.save(manager, entity);
    if (waived) await this.publish(manager, PaperworkWaivedV1, { caseId: entity.id, waivedAt: new Date().toISOString() }, entity, cause ?? { id: entity.id }, actor);
    const step = splitNote(note ?? STATUS_TEXT[to]);
    await this.appendTimeline(manager, entity.id, [{ at: new Date().toISOString(), status: to, by: actor.sub, note: step.note }], step.freeText);
    await this.audit(manager, 'CASE_STATUS_CHANGED', actor, entity, `${from} → ${to}`);
    const ending = endingToTell(from, to);
    if (ending) await this.publish(manager, CaseEndedV1, this.ended(entity, ending, reasons), entity, cause ?? { id: entity.id }, actor);
    // R8: a case that has ended, however it ended, keeps only what later cases need.
    if (isTerminal(to)) await this.reducePersonalData(manager, entity, actor);
    return true;
  }

  /**
   * Writes the fields a use case may change. One UPDATE: the row is already locked by
   * `findForUpdate`, so TypeORM's save (a SELECT, then the UPDATE) would only add a round trip.
   */
  async save(manager: EntityManager, entity: CaseEntity): Promise<void> {
    entity.updatedAt = new Date();
    const changed = Object.fromEntries(CHANGEABLE.map((field) => [field, entity[field]])) as Partial<CaseEntity>;
    await manager.getRepository(CaseEntity).update({ id: entity.id }, { ...changed, updatedAt: entity.updatedAt } as QueryDeepPartialEntity<CaseEntity>);
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
   * R5 earlier cases of the same resident in the same region (000 §6.5), and R10 the lock an unlock
   * lifts and the unlock that lifted a lock. Another region's cases stay invisible.
   */
  async relatedCases(
    manager: EntityManager,
    entity: Pick<CaseEntity, 'residentPersonnummer' | 'region' | 'liftsCaseId' | 'liftedByCaseId'> & Partial<Pick<CaseEntity, 'id' | 'createdAt'>>,
  ): Promise<RelatedCaseRef[]> {
    const repository = manager.getRepository(CaseEntity);
    // A case not registered yet (no id) relates to every case of the resident in the region so far.
    const earlier = await repository.find({
      where: {
        residentPersonnummer: entity.residentPersonnummer,
        region: entity.region,
        ...(entity.id && entity.createdAt ? { createdAt: LessThan(entity.createdAt), id: Not(entity.id) } : {}),
      },
      order: { createdAt: 'DESC' },
      take: 50,
    });
    const linkIds = [entity.liftsCaseId, entity.liftedByCaseId].filter((id): id is string => !!id);
    const links = linkIds.length > 0 ? await repository.findBy({ id: In(linkIds), region: entity.region }) : [];
    const ref = (c: CaseEntity, relation: RelatedCaseRef['relation']): RelatedCaseRef => ({ id: c.id, registryNumber: c.registryNumber, type: c.type, status: c.status, relation });
    const refs: RelatedCaseRef[] = [];
    for (const link of links) refs.push(ref(link, link.id === entity.liftsCaseId ? 'LIFTS' : 'LIFTED_BY'));
    for (const c of earlier) if (!linkIds.includes(c.id)) refs.push(ref(c, 'EARLIER_CASE_OF_RESIDENT'));
    return refs;
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
    await this.audit(manager, 'CASE_PERSONAL_DATA_REDUCED', actor, entity, `namn, motivering och fritext gallrade (${entity.status}, R8)`);
  }

  private async appendTimeline(manager: EntityManager, caseId: string, entries: TimelineEntry[], freeText: string | null = null): Promise<void> {
    await manager
      .getRepository(TimelineEntryEntity)
      .insert(entries.map((e) => ({ caseId, status: e.status, by: e.by, note: e.note, freeText, at: new Date(e.at) })));
  }
}

export function caseView(entity: CaseEntity, timeline: TimelineEntry[], relatedCases: RelatedCaseRef[] = []): CaseView {
  return {
    id: entity.id,
    registryNumber: entity.registryNumber,
    type: entity.type,
    status: entity.status,
    region: entity.region,
    channel: entity.channel,
    outcome: entity.outcome,
    paperwork: entity.paperwork,
    paperworkSender: entity.paperworkSender ?? null,
    review: entity.reviewId ? { id: entity.reviewId, outcome: entity.reviewOutcome ?? null } : null,
    guardianBlockId: entity.guardianBlockId ?? null,
    voidReason: entity.voidReason && entity.protectedIdentity ? FREE_TEXT_WITHHELD : (entity.voidReason ?? null),
    lockedByRegion: entity.lockedByRegion ?? null,
    effects: entity.effects,
    advice: entity.advice,
    relatedCases,
    requestingUnit: { hsaId: entity.request.requestingUnit.hsaId, name: entity.request.requestingUnit.name },
    protectedIdentity: entity.protectedIdentity ?? false,
    registryCategory: entity.registryCategory ?? null,
    registryReference: entity.registryReference ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    timeline,
  };
}
