import { Problem } from '@accessdesk/contracts';

/**
 * A request refused with a problem document (RFC 9457), thrown where the refusal is found (a guard,
 * a check before anything is written); the message filter answers it. A refusal that must keep what
 * was written before it (an audited attempt) is returned as a reply instead, since throwing rolls
 * the transaction back.
 */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';

  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}`);
  }
}
