import { Problem, problem } from '@accessdesk/contracts';

/** A case the caller may not see is answered as not found, never as forbidden, so ids reveal nothing. */
export const CASE_NOT_FOUND = problem('case-not-found', 404, 'Case not found', 'No case with this id is visible to you.');

/** What was asked cannot be done in the state the case is in now. */
export function caseStateConflict(status: string): Problem {
  return problem('case-state-conflict', 409, 'Not possible in the case’s current state', `The case is ${status}.`);
}
