import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CaseRequest, CaseView, Problem } from '@accessdesk/contracts';
import type {
  CaseListView,
  CompletionRequest,
  PaperworkRequest,
  RegistryReferenceRequest,
  ResidentStatusView,
  VerificationRequest,
  VoidRequest,
  WorkItemCompletionRequest,
  WorkItemKind,
  WorkItemList,
  WorkItemStatus,
  WorkItemView,
} from '@accessdesk/contracts';
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

  // The service desk's pages (pages/desk-*).

  listWorkItems(token: string, filter: { status?: WorkItemStatus; kind?: WorkItemKind; limit?: number; cursor?: string } = {}): Promise<GatewayResult<WorkItemList>> {
    return this.call<WorkItemList>(token, 'GET', `/api/v1/work-items${query(filter)}`);
  }

  completeWorkItem(token: string, id: string, request: WorkItemCompletionRequest): Promise<GatewayResult<WorkItemView>> {
    return this.call<WorkItemView>(token, 'POST', `/api/v1/work-items/${encodeURIComponent(id)}/complete`, request);
  }

  recordVerification(token: string, caseId: string, request: VerificationRequest): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'POST', `/api/v1/cases/${encodeURIComponent(caseId)}/verification`, request);
  }

  recordPaperwork(token: string, caseId: string, request: PaperworkRequest): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'POST', `/api/v1/cases/${encodeURIComponent(caseId)}/paperwork`, request);
  }

  completeCase(token: string, caseId: string, request: CompletionRequest): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'POST', `/api/v1/cases/${encodeURIComponent(caseId)}/completion`, request);
  }

  voidCase(token: string, caseId: string, request: VoidRequest): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'POST', `/api/v1/cases/${encodeURIComponent(caseId)}/void`, request);
  }

  recordRegistryReference(token: string, caseId: string, request: RegistryReferenceRequest): Promise<GatewayResult<CaseView>> {
    return this.call<CaseView>(token, 'POST', `/api/v1/cases/${encodeURIComponent(caseId)}/registry-reference`, request);
  }

  /** The personnummer goes in the body only. */
  residentStatus(token: string, personnummer: string): Promise<GatewayResult<ResidentStatusView>> {
    return this.call<ResidentStatusView>(token, 'POST', '/api/v1/residents/status', { personnummer });
  }

  listCases(token: string, filter: { registryNumber?: string; unit?: string; status?: string; limit?: number; cursor?: string } = {}): Promise<GatewayResult<CaseListView>> {
    return this.call<CaseListView>(token, 'GET', `/api/v1/cases${query(filter)}`);
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

/** `?a=1&b=2` of the values given (none: empty). Never for a personnummer. */
function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}
