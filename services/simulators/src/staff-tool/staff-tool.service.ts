import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURES, Fixtures } from '../fixtures/fixtures';
import { AccountState, ActionCommand, ActionResult, NO_ACCOUNT, StaffToolAction, applyAction, openAccount } from './account-state';

// Inera's staff tool (personalverktyg) as the `http` mode of the staff-tool adapter sees it:
// per-resident account state, idempotent actions, a log of every action call, and knobs for
// latency and injected failures.

export const STAFF_TOOL_OPTIONS = Symbol('STAFF_TOOL_OPTIONS');

export interface StaffToolKnobs {
  /** Delay before every answer of the tool itself (query and actions). */
  latencyMs: number;
  /** Fraction of action calls that answer 503 before touching any state. */
  failureRate: number;
}

export interface StaffToolOptions {
  knobs?: Partial<StaffToolKnobs>;
  /** Seams for unit tests. */
  random?: () => number;
  now?: () => Date;
}

export interface ActionRequest extends ActionCommand {
  personnummer: string;
  operator: { hsaId: string; name: string };
  reference?: string;
}

export interface ActionResponse {
  callId: string;
  idempotencyKey: string;
  action: StaffToolAction;
  result: ActionResult;
  account: AccountState;
  executedAt: string;
}

/** One action call as recorded for tests: no personnummer, only a reference derived from it. */
export interface CallRecord {
  /** The executed call's id; a replay carries the id of the call it replays; null when refused. */
  callId: string | null;
  idempotencyKey: string;
  action: StaffToolAction;
  region: string;
  residentRef: string;
  result: ActionResult | null;
  replayed: boolean;
  at: string;
  status: number;
}

export class StaffToolUnavailableError extends Error {
  override readonly name = 'StaffToolUnavailableError';
}

export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
}

const NO_KNOBS: StaffToolKnobs = { latencyMs: 0, failureRate: 0 };

@Injectable()
export class StaffToolService implements OnModuleDestroy {
  private accounts = new Map<string, AccountState>();
  private answers = new Map<string, { fingerprint: string; response: ActionResponse }>();
  private calls: CallRecord[] = [];
  private knobs: StaffToolKnobs;
  private readonly random: () => number;
  private readonly now: () => Date;
  // Cut short any latency still running when the app closes, so close() never waits for it.
  private readonly closing = new AbortController();

  constructor(
    @Inject(FIXTURES) private readonly fixtures: Fixtures,
    @Optional() @Inject(STAFF_TOOL_OPTIONS) options: StaffToolOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
    this.knobs = { ...NO_KNOBS, ...options.knobs };
    this.reset({ keepKnobs: true });
  }

  onModuleDestroy(): void {
    this.closing.abort();
  }

  async query(personnummer: string): Promise<AccountState> {
    await this.latency();
    return this.account(personnummer);
  }

  /** Executes once per idempotency key; a repeated key gets the stored answer back. */
  async act(idempotencyKey: string, request: ActionRequest): Promise<{ response: ActionResponse; replayed: boolean }> {
    await this.latency();
    // From here on nothing awaits, so two calls with one key cannot both execute.
    const call = {
      idempotencyKey,
      action: request.action,
      region: request.region,
      residentRef: residentRef(request.personnummer),
      at: this.now().toISOString(),
    };
    if (this.random() < this.knobs.failureRate) {
      this.calls.push({ ...call, callId: null, result: null, replayed: false, status: 503 });
      throw new StaffToolUnavailableError('Injected failure');
    }
    const fingerprint = canonicalJson(request);
    const stored = this.answers.get(idempotencyKey);
    if (stored && stored.fingerprint !== fingerprint) {
      this.calls.push({ ...call, callId: null, result: null, replayed: false, status: 422 });
      throw new IdempotencyKeyReusedError('The idempotency key was used with another request');
    }
    if (stored) {
      const { callId, result } = stored.response;
      this.calls.push({ ...call, callId, result, replayed: true, status: 200 });
      return { response: stored.response, replayed: true };
    }

    const { result, state } = applyAction(this.account(request.personnummer), request);
    if (result === 'DONE') this.accounts.set(request.personnummer, state);
    const response: ActionResponse = {
      callId: randomUUID(),
      idempotencyKey,
      action: request.action,
      result,
      account: state,
      executedAt: call.at,
    };
    this.answers.set(idempotencyKey, { fingerprint, response });
    this.calls.push({ ...call, callId: response.callId, result, replayed: false, status: 200 });
    return { response, replayed: false };
  }

  listCalls(filter: { idempotencyKey?: string } = {}): CallRecord[] {
    return this.calls.filter((call) => filter.idempotencyKey === undefined || call.idempotencyKey === filter.idempotencyKey);
  }

  getKnobs(): StaffToolKnobs {
    return { ...this.knobs };
  }

  setKnobs(change: Partial<StaffToolKnobs>): StaffToolKnobs {
    this.knobs = {
      latencyMs: change.latencyMs ?? this.knobs.latencyMs,
      failureRate: change.failureRate ?? this.knobs.failureRate,
    };
    return this.getKnobs();
  }

  /** Back to the fixtures' accounts, with no calls, no stored answers and (unless kept) no knobs. */
  reset(options: { keepKnobs?: boolean } = {}): void {
    // Every resident the register knows has a journal and guardian access; has1177Account says
    // only whether they have a login of their own to lock (R16).
    this.accounts = new Map(this.fixtures.residents.map((r) => [r.personnummer, openAccount(r.has1177Account)]));
    this.answers = new Map();
    this.calls = [];
    if (!options.keepKnobs) this.knobs = { ...NO_KNOBS };
  }

  private account(personnummer: string): AccountState {
    return this.accounts.get(personnummer) ?? NO_ACCOUNT;
  }

  private async latency(): Promise<void> {
    if (this.knobs.latencyMs <= 0 || this.closing.signal.aborted) return;
    await sleep(this.knobs.latencyMs, undefined, { signal: this.closing.signal }).catch(() => undefined);
  }
}

/** Lets tests tell residents apart in the call log without the log holding a personnummer. */
export function residentRef(personnummer: string): string {
  return createHash('sha256').update(personnummer).digest('hex').slice(0, 12);
}

/** JSON with sorted keys, so the same request in another key order is still the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
