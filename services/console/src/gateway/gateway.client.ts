import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditRecord, ChainVerification } from '@accessdesk/audit';
import type { CaseListView, CaseRequest, CaseStatus, CaseView, DeadLetterListView, DeadLetterView, GuardianBlockRequest, GuardianBlockView, GuardianUnblockRequest, Problem, ReviewDecisionRequest, ReviewDecisionView, ReviewList } from '@accessdesk/contracts';
import type {
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

  // The service desk's pages (pages/desk-*).

  listWorkItems(token: string, filter: { status?: WorkItemStatus; kind?: WorkItemKind; limit?: number; cursor?: string } = {}): Promise<GatewayResult<WorkItemList>> {
    return this.call<WorkItemList>(token, 'GET', `/api/v1/work-items${queryString(filter)}`);
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

  /** `GET /cases?registryNumber=`: the case a registry number names, as the caller may see it (the audit search takes either). */
  findCaseByRegistryNumber(token: string, registryNumber: string): Promise<GatewayResult<CaseListView>> {
    return this.call<CaseListView>(token, 'GET', `/api/v1/cases?${new URLSearchParams({ registryNumber, limit: '1' })}`);
  }

  /** `GET /audit` (case, staff member, time range) or, with a personnummer, `POST /audit/search` (in the body, never a URL). */
  auditTrail(token: string, query: AuditQuery): Promise<GatewayResult<AuditTrailPage>> {
    if (query.personnummer !== undefined) return this.call<AuditTrailPage>(token, 'POST', '/api/v1/audit/search', query);
    return this.call<AuditTrailPage>(token, 'GET', `/api/v1/audit?${auditSearchParams(query)}`);
  }

  /** `GET /audit/verify`: both chains recomputed. */
  verifyAudit(token: string): Promise<GatewayResult<AuditChainCheck>> {
    return this.call<AuditChainCheck>(token, 'GET', '/api/v1/audit/verify');
  }

  /**
   * The CSV extract, not read here: the gateway's answer (`text/csv`, `Content-Disposition`,
   * `X-Truncated`) for the page to stream on to the browser. A resident's goes by POST.
   */
  async auditExport(token: string, query: AuditQuery): Promise<{ ok: true; response: Response } | { ok: false; problem: GatewayProblem }> {
    const byBody = query.personnummer !== undefined;
    const path = byBody ? '/api/v1/audit/export' : `/api/v1/audit/export?${auditSearchParams(query)}`;
    let res: Response;
    try {
      res = await fetch(`${this.config.GATEWAY_URL}${path}`, {
        method: byBody ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'text/csv, application/problem+json',
          'x-request-id': randomUUID(),
          ...(byBody ? { 'content-type': 'application/json' } : {}),
        },
        body: byBody ? JSON.stringify(query) : undefined,
        signal: AbortSignal.timeout(this.config.GATEWAY_TIMEOUT_MS * 6),
      });
    } catch {
      return { ok: false, problem: UNREACHABLE };
    }
    if (res.status === 401) throw new GatewaySignInRequired('the gateway refused the token');
    if (res.ok) return { ok: true, response: res };
    const parsed: unknown = await res.json().catch(() => undefined);
    return { ok: false, problem: isProblem(parsed) ? parsed : { type: 'about:blank', title: res.statusText, status: res.status } };
  }

  /** `GET /dead-letters`: every dead-letter queue's count, and the letters that match. */
  listDeadLetters(token: string, filter: { queue?: string; type?: string; caseId?: string }): Promise<GatewayResult<DeadLetterListView>> {
    const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    const query = params.toString();
    return this.call<DeadLetterListView>(token, 'GET', `/api/v1/dead-letters${query ? `?${query}` : ''}`);
  }

  /** `GET /dead-letters/{messageId}`: one letter and its envelope, every personnummer masked. */
  getDeadLetter(token: string, messageId: string): Promise<GatewayResult<{ deadLetter: DeadLetterView; envelope: unknown }>> {
    return this.call(token, 'GET', `/api/v1/dead-letters/${encodeURIComponent(messageId)}`);
  }

  /** `POST /dead-letters/replay`: back to the queues they came from. */
  replayDeadLetters(token: string, selection: { queue?: string; messageIds?: string[] }): Promise<GatewayResult<{ replayed: DeadLetterView[] }>> {
    return this.call(token, 'POST', '/api/v1/dead-letters/replay', selection);
  }

  /** `POST /dead-letters/purge`: throw away a request/reply queue's dead letters. */
  purgeDeadLetters(token: string, queue: string): Promise<GatewayResult<{ purged: number }>> {
    return this.call(token, 'POST', '/api/v1/dead-letters/purge', { queue });
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
      return { ok: false, problem: UNREACHABLE };
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

const UNREACHABLE: GatewayProblem = { type: 'about:blank#gateway-unreachable', title: 'Gateway unreachable', status: 503 };

/** What the auditor asks of the trail: a resident (by body only), a case, a staff member, a time range; a page size and where to go on. */
export interface AuditQuery {
  personnummer?: string;
  caseId?: string;
  actorHsaId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** A record as the gateway answers it: the service's record and the trail it is in. */
export type AuditTrailRecord = AuditRecord & { trail: 'intake' | 'guardian-block' };
export interface AuditTrailPage {
  records: AuditTrailRecord[];
  nextCursor: string | null;
  truncated: boolean;
}

/** `GET /audit/verify`'s answer. */
export interface AuditChainCheck {
  valid: boolean;
  records: number;
  brokenAt?: { seq?: number | null; id?: string; trail: string };
  reason?: string;
  trails: Record<string, ChainVerification>;
}

/** The query string of `GET /audit` and `GET /audit/export`: never a personnummer. */
function auditSearchParams(query: AuditQuery): string {
  const { personnummer: _never, ...rest } = query;
  return new URLSearchParams(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '').map(([k, v]): [string, string] => [k, String(v)])).toString();
}

function isProblem(value: unknown): value is GatewayProblem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).type === 'string' && typeof (value as Problem).status === 'number';
}

/** `?a=1&b=2` of the values given (none: empty). Never for a personnummer. */
function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}
