import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, Problem, ProblemException } from './problem';

const GENERIC: Record<number, { slug: string; title: string; detail: string }> = {
  400: { slug: 'invalid-request', title: 'Invalid request', detail: 'The request could not be read: malformed JSON or URL.' },
  404: { slug: 'not-found', title: 'Not found', detail: 'There is no such resource.' },
  405: { slug: 'method-not-allowed', title: 'Method not allowed', detail: 'The method is not allowed here.' },
  413: { slug: 'payload-too-large', title: 'Payload too large', detail: 'The request body is too large.' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type', detail: 'Send the body as application/json.' },
};

/**
 * Answers every error as application/problem+json. Messages of exceptions we did not raise
 * ourselves (body parser, router) may quote the request, so only their status is kept.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Simulators');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const problem = this.toProblem(exception);
    if (response.headersSent) return;
    response.statusCode = problem.status;
    response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    response.end(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    const status = exception instanceof HttpException ? exception.getStatus() : clientErrorStatus(exception);
    if (status !== undefined && status < 500) {
      const generic = GENERIC[status] ?? { slug: 'invalid-request', title: 'Invalid request', detail: 'The request was refused.' };
      return { type: PROBLEM_BASE + generic.slug, title: generic.title, status, detail: generic.detail };
    }
    const text = exception instanceof Error ? (exception.stack ?? exception.message) : 'Non-error thrown';
    // Our own errors never carry a personnummer; this masks one that came in a library's message.
    this.logger.error(text.replace(/\d{10,12}/g, '[redacted]'));
    return { type: PROBLEM_BASE + 'internal-error', title: 'Internal error', status: 500, detail: 'The simulator failed; see its log.' };
  }
}

// body-parser marks the errors it raises for bad input with a 4xx `status` and `expose: true`.
function clientErrorStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
