import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseListView, CaseRequest, CaseStatus, CaseView, GuardianBlockRequest, GuardianBlockView, Problem, ReviewDecisionRequest, ReviewDecisionView, ReviewList } from '@accessdesk/contracts';
import { ConsoleConfig } from '../console.config';

/** The gateway's answer: the value, or the problem document it sent (RFC 9457). */
export type GatewayResult<T> = { ok: true; value: T } | { ok: false; problem: GatewayProblem };

export interface GatewayProblem extends Problem {
  /** `validation-failed`: each field by JSON Pointer (services/gateway/src/problems/validation.ts). */
  errors?: Array<{ pointer: string; detail: string }>;
}

/** The gateway refused the token (expired, revoked): the person must sign in again. */
export class GatewaySignInRequired extends Error {
  override readonly name = 'GatewaySignInRequired';
}

/**
 * The gateway's API, called with the signed-in person's access token, so that every rule, role and
 * audit record stays where it is. One typed method per endpoint a page uses; add yours here.
 */
@Injectable()
export class GatewayClient {
  constructor(private readonly config: ConsoleConfig) {}

  createCase(token: string, request: CaseRequest, idempotencyKey: string): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'POST', '/api/v1/cases', request, { 'Idempotency-Key': idempotencyKey });
  }

  getCase(token: string, id: string): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'GET', `/api/v1/cases/${encodeURIComponent(id)}`);
  }

  /** GET /api/v1/cases: a page of the cases the person may see, newest first (the unit's, by status). */
  listCases(token: string, filter: { unit?: string; status?: CaseStatus; cursor?: string }): Promise<GatewayResult<CaseListView>> {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    return this.call<CaseListView>(token, 'GET', `/api/v1/cases${query.size > 0 ? `?${query}` : ''}`);
  }

  /** GET /api/v1/reviews: the unit's reviews by due date (R9), open ones unless `state: 'all'`. */
  listReviews(token: string, filter: { state?: 'open' | 'all'; cursor?: string } = {}): Promise<GatewayResult<ReviewList>> {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    return this.call<ReviewList>(token, 'GET', `/api/v1/reviews${query.size > 0 ? `?${query}` : ''}`);
  }

  /** POST /api/v1/reviews/{id}/decision: keep the lock, or unlock (which opens a LOGIN_UNLOCK case, R9, R11). */
  decideReview(token: string, id: string, request: ReviewDecisionRequest, idempotencyKey: string): Promise<GatewayResult<ReviewDecisionView>> {
    return this.call<ReviewDecisionView>(token, 'POST', `/api/v1/reviews/${encodeURIComponent(id)}/decision`, request, { 'Idempotency-Key': idempotencyKey });
  }

  /** POST /api/v1/guardian-blocks (R18): the unit head's decision to block one or both guardians. */
  createGuardianBlock(token: string, request: GuardianBlockRequest, idempotencyKey: string): Promise<GatewayResult<GuardianBlockView>> {
    return this.call<GuardianBlockView>(token, 'POST', '/api/v1/guardian-blocks', request, { 'Idempotency-Key': idempotencyKey });
  }

  getGuardianBlock(token: string, id: string): Promise<GatewayResult<GuardianBlockView>> {
    return this.call<GuardianBlockView>(token, 'GET', `/api/v1/guardian-blocks/${encodeURIComponent(id)}`);
  }

  /** One call; a gateway that does not answer becomes a 503 problem, as the gateway's own would be. */
  async call<T>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<GatewayResult<T>> {
    let res: Response;
    try {
      res = await fetch(`${this.config.GATEWAY_URL}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json, application/problem+json',
          'x-request-id': randomUUID(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.GATEWAY_TIMEOUT_MS),
      });
    } catch {
      return { ok: false, problem: { type: 'about:blank#gateway-unreachable', title: 'Gateway unreachable', status: 503 } };
    }
    if (res.status === 401) throw new GatewaySignInRequired('the gateway refused the token');
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (res.ok) return { ok: true, value: parsed as T };
    const problem = isProblem(parsed) ? parsed : { type: 'about:blank', title: res.statusText, status: res.status };
    return { ok: false, problem };
  }
}

function isProblem(value: unknown): value is GatewayProblem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).type === 'string' && typeof (value as Problem).status === 'number';
}
