// R8 Every end of a case is told to the requesting unit's head (000 §8, 001): not only an executed
// action but every ending, so that a clinician never believes a resident locked who is not. This is
// the one place that says which event tells which ending; CaseLifecycle.move asks it on every move.
import { CaseEnding, CaseEndedV1, CaseConcludedV1, CaseRefusedV1, CaseReturnedV1, CaseStatus } from '@accessdesk/contracts';

/** The event that tells the requester an ending, and for `intake.case.ended.v1` which ending. */
export type Telling =
  | { event: typeof CaseConcludedV1.type | typeof CaseRefusedV1.type | typeof CaseReturnedV1.type; ending?: undefined }
  | { event: typeof CaseEndedV1.type; ending: CaseEnding }
  /** Already told when the case got there (EXECUTED or NOT_APPLICABLE, then CLOSED). */
  | { event: null; ending?: undefined };

/**
 * How a move that ends the case for the requester is told, or null for a move in the middle of a
 * case's life. The concluded, refused and returned events are published where their facts are known
 * (the staff tool's answer, the checks' reasons); the endings of `intake.case.ended.v1` are published
 * by CaseLifecycle.move itself, so that no code path can end a case silently.
 */
export function tellingOf(from: CaseStatus, to: CaseStatus): Telling | null {
  switch (to) {
    case 'EXECUTED':
    case 'NOT_APPLICABLE':
      return { event: CaseConcludedV1.type };
    case 'REFUSED':
      return { event: CaseRefusedV1.type };
    case 'RETURNED_FOR_COMPLETION':
      return { event: CaseReturnedV1.type };
    case 'VOIDED':
      return { event: CaseEndedV1.type, ending: 'VOIDED' };
    case 'CLOSED':
      // FAILED then closed by the desk: nothing happened on 1177, and nobody had said so yet.
      return from === 'FAILED' ? { event: CaseEndedV1.type, ending: 'CLOSED_UNEXECUTED' } : { event: null };
    default:
      return null;
  }
}

/** The ending CaseLifecycle.move publishes as `intake.case.ended.v1`, if any. */
export function endingToTell(from: CaseStatus, to: CaseStatus): CaseEnding | null {
  const telling = tellingOf(from, to);
  return telling?.event === CaseEndedV1.type ? telling.ending : null;
}
