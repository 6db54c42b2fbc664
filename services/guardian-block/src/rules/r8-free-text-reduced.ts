// R8 (001: "blanketten makuleras och ärendet avslutas"): once a guardian block's handling is over,
// its free text goes, as a closed case's does in intake (gallring). What the law needs stays: who
// (child, guardians, decision maker), what was done, when, the registry number, and the audit trail.
import { GuardianBlockRequest, GuardianBlockStatus, GuardianUnblockRequest, TaskStatus } from '@accessdesk/contracts';
import { draftBlockNote, draftUnblockNote } from './r18-ehr-note';

/** What a reduced field reads, as in intake. */
export const REDACTED = '[gallrad]';

/**
 * The statuses from which a block is closed once every follow-up task is done: in effect (BLOCKED),
 * lifted (UNBLOCKED) or never needed (R20). Not while the staff tool is still at work, nor after a
 * failure or NOT_APPLICABLE, where the contact centre still has to act on the block itself.
 */
const CLOSABLE: ReadonlySet<GuardianBlockStatus> = new Set<GuardianBlockStatus>(['BLOCKED', 'UNBLOCKED', 'ALREADY_IN_EFFECT']);

/**
 * The handling is over when every follow-up task is done; the EHR note task is among them, so the
 * drafted note is in the EHR (the record the law keeps) before its copy here is reduced.
 */
export function handlingOver(status: GuardianBlockStatus, tasks: ReadonlyArray<{ status: TaskStatus }>): boolean {
  return CLOSABLE.has(status) && tasks.every((t) => t.status === 'DONE');
}

/**
 * The child's name, the decision's motivation, who informed the guardian and whether a concern was
 * reported (part of the basis) go; the personnummer, the guardians, the decision maker, the dates,
 * the period, the unit and the confirmation addresses stay.
 */
export function reducedBlockRequest(request: GuardianBlockRequest): GuardianBlockRequest {
  const { concernReported: _basis, ...rest } = request;
  return {
    ...rest,
    child: { ...request.child, name: REDACTED },
    decision: { ...request.decision, motivation: REDACTED },
    guardianInformedBy: REDACTED,
  };
}

/** The block's EHR note drafted again from the reduced request: what, period and who decided stay. */
export function reducedBlockNote(registryNumber: string, request: GuardianBlockRequest, alreadyInEffect: boolean): string {
  const reduced = reducedBlockRequest(request);
  return draftBlockNote({
    registryNumber,
    guardianCount: reduced.guardians.length,
    decidedBy: reduced.decision.decidedBy,
    decidedAt: reduced.decision.decidedAt,
    motivation: reduced.decision.motivation,
    guardianInformedBy: reduced.guardianInformedBy,
    period: reduced.period,
    alreadyInEffect,
  });
}

/** R19: the unblock's motivation and the threat check's summary go; that and when it was checked stay. */
export function reducedUnblockRequest(request: GuardianUnblockRequest): GuardianUnblockRequest {
  return {
    ...request,
    decision: { ...request.decision, motivation: REDACTED },
    threatCheck: { ...request.threatCheck, summary: REDACTED },
  };
}

export function reducedUnblockNote(registryNumber: string, guardianCount: number, request: GuardianUnblockRequest): string {
  const reduced = reducedUnblockRequest(request);
  return draftUnblockNote({
    registryNumber,
    guardianCount,
    decidedBy: reduced.decision.decidedBy,
    decidedAt: reduced.decision.decidedAt,
    motivation: reduced.decision.motivation,
    threatCheck: reduced.threatCheck,
  });
}
