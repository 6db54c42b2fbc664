import {
  Actor,
  CaseConcludedV1,
  CaseEndedV1,
  CaseEnding,
  CaseReceivedV1,
  EmergencyCallDto,
  EmergencyCallReceivedV1,
  FeedbackRecipient,
} from '@accessdesk/contracts';
import { EnvelopeMeta } from '@accessdesk/messaging';
import { isOtherRegionsLock } from '../../rules/r10-unlock-by-requesting-region';
import { CaseEntity } from './case.entity';

/**
 * The envelope of a message about a case: the case is its correlation and its region is the case's,
 * whatever request or event caused it (a request's correlation is the gateway's, a guardian block's
 * event is the block's); the actor is the cause's unless given.
 */
export function aboutCase(subject: { id: string; region: string }, actor?: Actor): Partial<Omit<EnvelopeMeta, 'causationId'>> {
  return { correlationId: subject.id, region: subject.region, ...(actor ? { actor } : {}) };
}

/** Who is told about the case (R8): the requesting unit's head. */
export function recipient(entity: CaseEntity): FeedbackRecipient {
  const unit = entity.request.requestingUnit;
  return { hsaId: unit.hsaId, name: unit.name, headEmail: unit.headEmail };
}

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

/** The concluded event for notification (R8) and review-scheduler (R9). */
export function concludedEvent(entity: CaseEntity, completedAt: string): CaseConcludedV1 {
  const executed = entity.outcome === 'EXECUTED';
  return {
    caseId: entity.id,
    registryNumber: entity.registryNumber,
    caseType: entity.type,
    outcome: entity.outcome ?? 'FAILED',
    concludedAt: completedAt,
    requestingUnit: recipient(entity),
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
export function endedEvent(entity: CaseEntity, ending: CaseEnding, reasons: string[]): CaseEndedV1 {
  return {
    caseId: entity.id,
    registryNumber: entity.registryNumber,
    caseType: entity.type,
    ending,
    endedAt: new Date().toISOString(),
    requestingUnit: recipient(entity),
    reasons: reasons.map((r) => r.trim()).filter((r) => r.length > 0),
    // Notification leaves out what locates the person (skyddad identitet).
    protectedIdentity: entity.protectedIdentity,
  };
}
