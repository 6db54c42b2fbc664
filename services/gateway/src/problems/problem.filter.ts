import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Problem, problem } from '@accessdesk/contracts';
import { RpcTimeoutError, RpcUnavailableError, unavailableProblem } from '@accessdesk/messaging';
import { ProblemException } from './problem.exception';

/** Seconds a client should wait before trying again when a service did not answer. */
const RETRY_AFTER_S = 2;

const GENERIC: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  429: ['too-many-requests', 'Too many requests'],
};

/**
 * Every error leaves as `application/problem+json`: a problem we raised as it is, framework errors
 * mapped by status, a service that did not answer as 503 with `Retry-After`, and anything else as a
 * 500 without a stack trace (and a log line to find it by).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const headers: Record<string, string> = {};
    let body: Problem;

    if (exception instanceof ProblemException) {
      body = exception.problem;
      Object.assign(headers, exception.headers);
      if (body.status === 503) headers['Retry-After'] ??= String(RETRY_AFTER_S);
    } else if (exception instanceof RpcTimeoutError || exception instanceof RpcUnavailableError) {
      // 503 means "maybe": the request may have been registered; the same Idempotency-Key is safe.
      body = unavailableProblem();
      headers['Retry-After'] = String(RETRY_AFTER_S);
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [slug, title] = GENERIC[status] ?? (status >= 500 ? ['internal', 'Internal error'] : ['bad-request', 'Bad request']);
      body = problem(slug, status, title, safeDetail(exception));
    } else if (isBodyParserError(exception)) {
      const status = exception.status;
      const [slug, title] = GENERIC[status] ?? ['bad-request', 'Bad request'];
      body = problem(slug, status, title, status === 413 ? 'The request body is larger than allowed.' : 'The request body is not valid JSON.');
    } else {
      this.logger.error(`unexpected error on ${req.method} ${req.route?.path ?? 'unknown route'}: ${exception instanceof Error ? exception.name : typeof exception}`);
      body = problem('internal', 500, 'Internal error', 'Something went wrong on our side; it has been logged.');
    }
    res.status(body.status).set(headers).type('application/problem+json').send(JSON.stringify(body));
  }
}

/** Framework messages only where they are ours to show; never echo what the client sent. */
function safeDetail(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' && typeof (err as { type?: unknown }).type === 'string';
}
