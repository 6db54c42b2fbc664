import { Inject, Injectable } from '@nestjs/common';
import { LOGIN_ACTIONS } from '@accessdesk/contracts';
import { ExecutionConfig } from '../execution.config';
import { StaffToolAdapter, StaffToolAnswer, StaffToolCommand, StaffToolRejectedError, StaffToolUnavailableError } from './staff-tool.adapter';

/** Who the staff tool records as the operator of an action this service executes. */
export const SYSTEM_OPERATOR = { hsaId: 'system:accessdesk', name: 'accessdesk' } as const;

/** Answers that mean "not now" rather than "never": the call is tried again. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

type ActionResult = 'DONE' | 'NO_ACCOUNT' | 'ALREADY_IN_STATE';
const ACTION_RESULTS: readonly string[] = ['DONE', 'NO_ACCOUNT', 'ALREADY_IN_STATE'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * R10: whose login lock the tool shows after a login action ("låst på begäran av Region X"), from
 * the account in its answer; null when the login is not locked. A locked login without a region, or
 * a lock that answered DONE without being locked, is not an answer to act on: `undefined`, and the
 * caller treats it as an unexpected shape.
 */
export function lockedByRegionOf(account: unknown, action: StaffToolCommand['action']): string | null | undefined {
  if (!isRecord(account) || typeof account.loginLocked !== 'boolean') return undefined;
  if (!account.loginLocked) return action === 'LOGIN_LOCK' ? undefined : null;
  return typeof account.lockedByRegion === 'string' && account.lockedByRegion.length > 0 ? account.lockedByRegion : undefined;
}

/**
 * The staff tool over its HTTP contract (the simulator implements it; Inera's tool has no public API
 * today, so this mode serves the simulator, the benchmark and an API that may come). Asks for the
 * account state first (R16: no 1177 login of the resident's own → a login lock or unlock has nothing
 * to act on; a guardian block or a seal goes ahead, the journal is there either way), then acts with
 * the action id as `Idempotency-Key`, so a retry after a lost answer replays the first answer instead
 * of acting twice. For a login action it reports whose lock the tool shows afterwards (R10). Error
 * messages name the endpoint and status only, never the resident.
 */
@Injectable()
export class HttpStaffToolAdapter implements StaffToolAdapter {
  readonly mode = 'http' as const;

  constructor(@Inject(ExecutionConfig) private readonly config: ExecutionConfig) {}

  async execute(command: StaffToolCommand): Promise<StaffToolAnswer> {
    const account = await this.post('accounts/query', { personnummer: command.personnummer });
    if (!isRecord(account) || typeof account.hasAccount !== 'boolean') {
      throw new StaffToolUnavailableError('staff tool accounts/query answered with an unexpected shape');
    }
    const loginAction = LOGIN_ACTIONS.includes(command.action);
    if (!account.hasAccount && loginAction) return { outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', staffToolReference: null, lockedByRegion: null };

    const answer = await this.post(
      'actions',
      {
        action: command.action,
        personnummer: command.personnummer,
        region: command.region,
        operator: SYSTEM_OPERATOR,
        ...(command.guardianPersonnummer ? { guardianPersonnummer: command.guardianPersonnummer } : {}),
        ...(command.sealScope ? { sealScope: command.sealScope } : {}),
        reference: command.registryNumber,
      },
      { 'idempotency-key': command.actionId },
    );
    if (!isRecord(answer) || typeof answer.result !== 'string' || !ACTION_RESULTS.includes(answer.result)) {
      throw new StaffToolUnavailableError('staff tool actions answered with an unexpected shape');
    }
    const reference = typeof answer.callId === 'string' ? answer.callId : null;
    const result = answer.result as ActionResult;
    if (result === 'NO_ACCOUNT') return { outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', staffToolReference: reference, ...(loginAction ? { lockedByRegion: null } : {}) };
    const executed = { outcome: 'EXECUTED' as const, detail: result === 'ALREADY_IN_STATE' ? 'ALREADY_IN_STATE' : null, staffToolReference: reference };
    if (!loginAction) return executed;
    const lockedByRegion = lockedByRegionOf(answer.account, command.action);
    if (lockedByRegion === undefined) throw new StaffToolUnavailableError('staff tool actions answered without saying whose lock is in effect');
    return { ...executed, lockedByRegion };
  }

  async readState(command: StaffToolCommand): Promise<unknown> {
    return this.post('accounts/query', { personnummer: command.personnummer });
  }

  private async post(path: string, body: object, headers: Record<string, string> = {}): Promise<unknown> {
    const timeoutMs = this.config.STAFF_TOOL_TIMEOUT_MS;
    let response: Response;
    try {
      response = await fetch(`${this.config.STAFF_TOOL_URL}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'not reachable';
      throw new StaffToolUnavailableError(`staff tool ${path}: ${reason}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      const message = `staff tool ${path} answered ${response.status}`;
      if (response.status >= 500 || RETRYABLE_CLIENT_STATUSES.has(response.status)) throw new StaffToolUnavailableError(message);
      throw new StaffToolRejectedError(response.status, message);
    }
    try {
      return await response.json();
    } catch {
      throw new StaffToolUnavailableError(`staff tool ${path} answered ${response.status} without JSON`);
    }
  }
}
