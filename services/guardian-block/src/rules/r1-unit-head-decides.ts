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
