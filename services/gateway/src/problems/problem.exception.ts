import { HttpException } from '@nestjs/common';
import { Problem, problem } from '@accessdesk/contracts';

/** An answer as an RFC 9457 problem document, with a stable `type` per rule broken. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }

  static of(slug: string, status: number, title: string, detail?: string, extra?: Record<string, unknown>): ProblemException {
    return new ProblemException(problem(slug, status, title, detail, extra));
  }
}
