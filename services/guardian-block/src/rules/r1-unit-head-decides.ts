import { DecisionDto, problem } from '@accessdesk/contracts';

/**
 * R1 Decision authority (002): whether a guardian is blocked, or the block lifted, is decided by
 * the unit head (verksamhetschef) alone, not by a clinician or a medical lead.
 */
export function decidedByUnitHead(decision: Pick<DecisionDto, 'decidedBy'>): boolean {
  return decision.decidedBy.role === 'UNIT_HEAD';
}

export const NEEDS_UNIT_HEAD = problem(
  'guardian-block-needs-unit-head',
  422,
  'Decided by the unit head only',
  'Blocking a guardian, or lifting the block, is decided by the head of the care unit (decision.decidedBy.role UNIT_HEAD).',
);

/**
 * R1 checked in the staff directory (HSA), as identity-check does for every other case: the stated
 * role is not enough. A guardian block has no return for completion (it is registered at once, or
 * not at all), so a decision maker without the authority is refused and nothing is registered; the
 * requester files again with the unit head as decision maker.
 */
export const DECIDER_NOT_IN_DIRECTORY = problem(
  'guardian-block-decider-not-in-directory',
  422,
  'Decision maker not in the staff directory',
  'The staff directory (HSA) has no person with decision.decidedBy.hsaId, so it cannot show that the decision was made by the head of the care unit (R1). Nothing was registered.',
);

export const DECIDER_NOT_UNIT_HEAD = problem(
  'guardian-block-decider-not-unit-head',
  422,
  'Decision maker is not a unit head in the staff directory',
  'The staff directory (HSA) does not list decision.decidedBy.hsaId as head of a care unit (verksamhetschef), who alone decides a guardian block or its removal (R1). Nothing was registered.',
);

/** R1 cannot wait for a directory that does not answer: nothing is registered, and the same key may be sent again. */
export const STAFF_DIRECTORY_UNAVAILABLE = problem(
  'staff-directory-unavailable',
  503,
  'Staff directory unavailable',
  'The staff directory could not be asked whether the decision maker is head of the care unit (R1). Nothing was registered; try again shortly with the same Idempotency-Key.',
);
