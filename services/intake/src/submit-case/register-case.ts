import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor,
  CaseReceivedV1,
  CaseRequest,
  CaseView,
  EmergencyCallDto,
  EmergencyCallReceivedV1,
  Problem,
  TimelineEntry,
  canonicalJson,
  identityNumberKind,
  problem,
} from '@accessdesk/contracts';
import { RegionConfig } from '@accessdesk/platform';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore, caseView } from '../cases/case-store';
import { STATUS_TEXT } from '../cases/case-status';
import { decisionAuthorityProblem } from '../rules/r1-decision-authority';
import { findActiveRestriction, findLiftUnderway, findLoginLastSeen, isLifting, liftProblem, liftedType } from '../rules/r10-unlock-by-requesting-region';
import { decisionReasonsProblem } from '../rules/r11-unlock-reasons';
import { initiatorProblem } from '../rules/r13-r14-r15-initiators';
import { documentedAssessmentProblem } from '../rules/r2-documented-assessment';
import { sealScopeProblem } from '../rules/r21-sealing';
import { channelProblem } from '../rules/r22-r24-channels';
import { patientInformedProblem } from '../rules/r3-patient-informed';
import { registryCategory } from '../rules/r6-registry-category';
import { nextRegistryNumber } from '../rules/r6-registry-number';
import { effectsOf } from '../rules/r17-effects';
import { emergencyCallProblem } from '../rules/r12-emergency-lock';

/** R16: a samordningsnummer cannot log in to 1177; the requester is told so. */
export const COORDINATION_NUMBER_ADVICE = 'Invånaren har samordningsnummer och kan inte logga in på 1177 med det; kontrollera om ett personnummer finns.';

export function requestHash(request: object): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/**
 * The rules of a filed form that need no look-up: R1 (decision authority), R11 (unlock reasons for an
 * unlock), R13–R15 (who may ask), R22/R24 (channel of the region), R12 (the emergency call recorded),
 * R21 (seal scope) and, except for an emergency lock whose form
 * follows (R12), R2 (documented assessment) and R3 (patient informed). The first broken rule answers.
 */
export function filedFormProblem(request: CaseRequest, actor: Actor, region: RegionConfig): Problem | null {
  const emergency = request.channel === 'EMERGENCY_PHONE';
  return (
    initiatorProblem(request) ??
    channelProblem(request, actor, region) ??
    emergencyCallProblem(request) ??
    sealScopeProblem(request) ??
    decisionAuthorityProblem(request, actor) ??
    decisionReasonsProblem(request) ??
    (emergency ? null : documentedAssessmentProblem(request.decision)) ??
    (emergency ? null : patientInformedProblem(request.patientInformed))
  );
}

export interface Registration {
  request: CaseRequest;
  actor: Actor;
  /** Idempotency: the same owner and key name the same case. */
  owner: string;
  key: string;
  causationId: string;
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
export class RegisterCase {
  private readonly logger = new Logger(RegisterCase.name);

  constructor(private readonly cases: CaseStore) {}

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
      requestHash: requestHash(request),
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
    await this.cases.insert(manager, entity, timeline, actor);

    if (emergency && request.emergencyCall) {
      // R12: the staff directory answers for the caller and the decision maker before the staff tool is called.
      await this.cases.publish(manager, EmergencyCallReceivedV1, emergencyCallEvent(entity, now), entity, { id: r.causationId }, actor);
    } else if (emergency) {
      // R18: the linked lock of a guardian block phoned in to the contact centre records no call of
      // its own (only the desk's POST /cases needs one): the block was checked by guardian-block, and
      // its child lock goes to the staff tool at once, its form chased, as before.
      await this.cases.executeEmergency(manager, entity, actor, { id: r.causationId }, 'Nödspärr via telefon: verkställs direkt');
    } else {
      await this.cases.publish(manager, CaseReceivedV1, receivedEvent(entity, now), entity, { id: r.causationId }, actor);
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

/**
 * The event that starts the checks on receipt (R4), also after a completion, and for the form that
 * followed an emergency lock (R12, `paperworkSender`).
 */
export function receivedEvent(entity: CaseEntity, at: Date, paperworkSender: CaseReceivedV1['paperworkSender'] = null): CaseReceivedV1 {
  const request = entity.request;
  return {
    caseId: entity.id,
    registryNumber: entity.registryNumber,
    caseType: entity.type,
    channel: entity.channel,
    resident: { personnummer: request.resident.personnummer, name: request.resident.name },
    signature: request.signature ?? null,
    decidedBy: { hsaId: request.decision.decidedBy.hsaId, role: request.decision.decidedBy.role },
    requestingUnitHsaId: request.requestingUnit.hsaId,
    receivedAt: at.toISOString(),
    ...(paperworkSender ? { paperworkSender } : {}),
  };
}

/** R12: the timeline's record of the call: who phoned, as stated, and the number the desk called back. */
export function emergencyCallNote(call: EmergencyCallDto): string {
  const at = call.callBack.calledAt.slice(0, 16).replace('T', ' ');
  return `nödsamtal från ${call.caller.name} (${call.caller.hsaId}), återuppringd på ${call.callBack.number} ${at}; uppringaren och beslutsfattaren slås upp i personalkatalogen före verkställande (R12, R1)`;
}

/** R12: the event that asks the staff directory about an emergency lock's caller and decision maker. */
export function emergencyCallEvent(entity: CaseEntity, at: Date): EmergencyCallReceivedV1 {
  const request = entity.request;
  const call = request.emergencyCall as EmergencyCallDto;
  return {
    caseId: entity.id,
    registryNumber: entity.registryNumber,
    decidedBy: { hsaId: request.decision.decidedBy.hsaId, role: request.decision.decidedBy.role },
    caller: { hsaId: call.caller.hsaId, name: call.caller.name },
    callBack: { number: call.callBack.number, calledAt: call.callBack.calledAt },
    receivedAt: at.toISOString(),
    residentPersonnummer: entity.residentPersonnummer,
  };
}
