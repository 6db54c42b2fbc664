import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, CaseReceivedV1, CaseRequest, CaseView, EmergencyCallReceivedV1, Problem, TimelineEntry, identityNumberKind, problem } from '@accessdesk/contracts';
import { Cause, Messaging } from '@accessdesk/messaging';
import { requestHashOf, runTogether } from '@accessdesk/persistence';
import { findActiveRestriction, findLiftUnderway, findLoginLastSeen, isLifting, liftProblem, liftedType } from '../../rules/r10-unlock-by-requesting-region';
import { emergencyCallNote } from '../../rules/r12-emergency-lock';
import { effectsOf } from '../../rules/r17-effects';
import { registryCategory } from '../../rules/r6-registry-category';
import { nextRegistryNumber } from '../../rules/r6-registry-number';
import { CaseEntity } from '../case/case.entity';
import { aboutCase, emergencyCallEvent, receivedEvent } from '../case/case-events';
import { CaseLifecycle } from '../case/case-lifecycle.service';
import { CaseRepository } from '../case/case.repository';
import { STATUS_TEXT } from '../case/case-status';
import { caseView } from '../case/case-view';

/** R16: a samordningsnummer cannot log in to 1177; the requester is told so. */
export const COORDINATION_NUMBER_ADVICE = 'Invånaren har samordningsnummer och kan inte logga in på 1177 med det; kontrollera om ett personnummer finns.';

export interface Registration {
  request: CaseRequest;
  actor: Actor;
  /** Idempotency: the same owner and key name the same case. */
  owner: string;
  key: string;
  /** The message being handled: the request that files the case, or the event that opens it. */
  cause: Cause;
  guardianBlockId?: string | null;
  /** First line of the timeline, after the registry number. */
  origin?: string;
  /** The population register was asked before registration (R15) and marks the resident protected. */
  protectedIdentity?: boolean;
}

export type Registered = { ok: true; entity: CaseEntity; view: CaseView } | { ok: false; problem: Problem };

/**
 * R6 registration of a case in the caller's transaction: registry number, timeline, audit, and what
 * follows at once — the checks on receipt (R4), or for an emergency lock the look-up of its caller
 * and decision maker in the staff directory, after which it goes to the staff tool at once and its
 * form is chased (R12, on-emergency-call-checked). An unlock or unseal is refused unless the resident's
 * lock or seal is in effect and, for a lock, was requested by the caller's region (R10).
 */
@Injectable()
export class CaseRegistration {
  private readonly logger = new Logger(CaseRegistration.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async register(manager: EntityManager, r: Registration): Promise<Registered> {
    const { request, actor } = r;
    let lifted: CaseEntity | null = null;
    if (isLifting(request.type)) {
      lifted = await findActiveRestriction(manager, request.resident.personnummer, liftedType(request.type), true);
      const seen = request.type === 'LOGIN_UNLOCK' && !lifted ? await findLoginLastSeen(manager, request.resident.personnummer) : null;
      const refused = liftProblem(request.type, lifted, actor.region, request.relatedCaseId, lifted?.id ?? null, seen?.lockedByRegion ?? null);
      if (refused) return { ok: false, problem: refused };
    }
    const liftsCaseId = lifted?.id ?? null;
    const underway = liftsCaseId ? await findLiftUnderway(manager, liftsCaseId) : null;
    if (underway) {
      return { ok: false, problem: problem('lift-in-progress', 409, 'An unlock of this lock is already under way (R10)', `Case ${underway.registryNumber} lifts it; follow that case.`, { caseId: underway.id }) };
    }
    const now = new Date();
    const id = randomUUID();
    const { effects, advice: typeAdvice } = effectsOf(request.type);
    const coordination = identityNumberKind(request.resident.personnummer) === 'SAMORDNINGSNUMMER';
    const advice = coordination ? [...typeAdvice, COORDINATION_NUMBER_ADVICE] : typeAdvice;
    const emergency = request.channel === 'EMERGENCY_PHONE';
    // R5, R10: read before the registry number, so the answer needs no read after it.
    const related = await this.cases.relatedCases(manager, { residentPersonnummer: request.resident.personnummer, region: actor.region, liftsCaseId, liftedByCaseId: null });
    // The registry counter row stays locked until commit: take it late, and do little after it.
    const registryNumber = await nextRegistryNumber(manager, actor.region, now);
    const entity = manager.getRepository(CaseEntity).create({
      id,
      registryNumber,
      region: actor.region,
      type: request.type,
      status: emergency ? 'RECEIVED' : 'VERIFYING',
      channel: request.channel,
      residentPersonnummer: request.resident.personnummer,
      request: { ...request, relatedCaseId: liftsCaseId ?? request.relatedCaseId ?? null },
      requestedBy: actor,
      requestingUnitHsaId: request.requestingUnit.hsaId,
      outcome: null,
      paperwork: emergency ? 'PENDING' : 'RECEIVED',
      paperworkSender: emergency ? (request.initiator.kind === 'RESIDENT' ? 'RESIDENT' : 'STAFF') : null,
      effects,
      advice,
      actionId: null,
      feedbackSentAt: null,
      reviewScheduledAt: null,
      reviewId: null,
      liftsCaseId,
      liftedByCaseId: null,
      guardianBlockId: r.guardianBlockId ?? null,
      voidReason: null,
      lockedByRegion: null,
      loginSeenAt: null,
      reviewOutcome: null,
      reviewUnlockCaseId: null,
      protectedIdentity: r.protectedIdentity ?? false,
      registryCategory: registryCategory(request.type),
      registryReference: null,
      idempotencyOwner: r.owner,
      idempotencyKey: r.key,
      requestHash: requestHashOf(request),
      createdAt: now,
      updatedAt: now,
    });
    const notes = [
      `${STATUS_TEXT.RECEIVED} som ${registryNumber}`,
      `kanal ${request.channel}`,
      ...(r.origin ? [r.origin] : []),
      ...(request.initiator.kind !== 'STAFF' ? [`initierat av ${INITIATOR_TEXT[request.initiator.kind]}; beslutet är vårdens (R14, R15)`] : []),
      ...(lifted ? [`häver ${lifted.registryNumber} (R10)`] : []),
      ...(coordination ? ['samordningsnummer (R16)'] : []),
      ...(request.emergencyCall ? [emergencyCallNote(request.emergencyCall)] : []),
    ];
    const timeline: TimelineEntry[] = [{ at: now.toISOString(), status: 'RECEIVED', by: actor.sub, note: notes.join('; ') }];
    if (!emergency) timeline.push({ at: now.toISOString(), status: 'VERIFYING', by: 'system:intake', note: STATUS_TEXT.VERIFYING });
    // The counter's lock is held until commit: the case, its steps, its audit record and the event it
    // publishes go to the database together, in one round trip.
    const written = this.cases.insertStatements(manager, entity, timeline, actor);
    if (emergency && request.emergencyCall) {
      // R12: the staff directory answers for the caller and the decision maker before the staff tool is called.
      await runTogether(manager, [...written, this.messaging.publishStatement(manager, r.cause, EmergencyCallReceivedV1, emergencyCallEvent(entity, now), aboutCase(entity, actor))]);
    } else if (emergency) {
      // R18: the linked lock of a guardian block phoned in to the contact centre records no call of
      // its own (only the desk's POST /cases needs one): the block was checked by guardian-block, and
      // its child lock goes to the staff tool at once, its form chased, as before.
      await runTogether(manager, written);
      await this.lifecycle.executeEmergency(manager, entity, actor, r.cause, 'Nödspärr via telefon: verkställs direkt');
    } else {
      await runTogether(manager, [...written, this.messaging.publishStatement(manager, r.cause, CaseReceivedV1, receivedEvent(entity, now), aboutCase(entity, actor))]);
    }
    this.logger.log(`case ${id} registered as ${registryNumber}`);
    // A lock that moved on to EXECUTING in this transaction: its answer is read back.
    return { ok: true, entity, view: entity.status === 'EXECUTING' ? await this.cases.view(manager, entity) : caseView(entity, timeline, related) };
  }
}

const INITIATOR_TEXT: Record<CaseRequest['initiator']['kind'], string> = {
  STAFF: 'vårdpersonal',
  RELATIVE: 'närstående',
  LEGAL_REPRESENTATIVE: 'legal ställföreträdare',
  EXTERNAL_PARTY: 'extern part',
  RESIDENT: 'invånaren själv',
};
