import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseRequest, CaseView, GuardianBlockRequest, GuardianBlockView, GuardianUnblockRequest, Problem, WorkItemList } from '@accessdesk/contracts';
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

  createGuardianBlock(token: string, request: GuardianBlockRequest, idempotencyKey: string): Promise<GatewayResult<GuardianBlockView>> {
    return this.call<GuardianBlockView>(token, 'POST', '/api/v1/guardian-blocks', request, { 'Idempotency-Key': idempotencyKey });
  }

  getGuardianBlock(token: string, id: string): Promise<GatewayResult<GuardianBlockView>> {
    return this.call<GuardianBlockView>(token, 'GET', `/api/v1/guardian-blocks/${encodeURIComponent(id)}`);
  }

  completeGuardianTask(token: string, id: string, taskId: string, note: string | undefined): Promise<GatewayResult<GuardianBlockView>> {
    return this.call<GuardianBlockView>(token, 'PATCH', `/api/v1/guardian-blocks/${encodeURIComponent(id)}/tasks/${encodeURIComponent(taskId)}`, {
      status: 'DONE',
      ...(note ? { note } : {}),
    });
  }

  unblockGuardians(token: string, id: string, request: GuardianUnblockRequest, idempotencyKey: string): Promise<GatewayResult<GuardianBlockView>> {
    return this.call<GuardianBlockView>(token, 'POST', `/api/v1/guardian-blocks/${encodeURIComponent(id)}/unblock`, request, { 'Idempotency-Key': idempotencyKey });
  }

  /** The caller's own queue (the contact centre's, for the contact centre), a page at a time. */
  workItemsOfMyQueue(token: string, query: { status?: 'OPEN' | 'DONE'; cursor?: string }): Promise<GatewayResult<WorkItemList>> {
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.cursor) params.set('cursor', query.cursor);
    const qs = params.toString();
    return this.call<WorkItemList>(token, 'GET', `/api/v1/work-items${qs ? `?${qs}` : ''}`);
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
