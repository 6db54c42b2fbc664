/**
 * An action is PENDING until the staff tool has given its final answer (or the attempts ran out),
 * then DONE with an outcome. It never goes back: a DONE action is not executed again.
 */
export const ACTION_STATUSES = ['PENDING', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
