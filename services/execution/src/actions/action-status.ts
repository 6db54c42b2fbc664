/**
 * An action's life, forward only:
 * - PENDING: `http` mode, until the staff tool has given its final answer (or the attempts ran out);
 *   the polling worker takes only these.
 * - AWAITING_OPERATOR: `manual` mode, a work item is open in the desk's inbox until an operator
 *   reports what they did in the staff tool; no worker touches it.
 * - DONE: with an outcome; never executed again, its personal identity numbers gone.
 */
export const ACTION_STATUSES = ['PENDING', 'AWAITING_OPERATOR', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
