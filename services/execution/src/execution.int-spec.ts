import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { ActionCompletedV1, Envelope, ExecuteActionV1, luhnCheckDigit, systemActor } from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { ExecutionConfig } from './execution.config';

const MAX_ATTEMPTS = 3;
/** Two retries at 1 s and 2 s, plus margin. */
const RETRY_DEADLINE_MS = 20_000;

/** A valid personnummer born 1985-12-24 with the given three-digit serial. */
function personnummer(serial: number): string {
  const nine = `851224${String(serial).padStart(3, '0')}`;
  return `19${nine}${luhnCheckDigit(nine)}`;
}

interface ActionCall {
  idempotencyKey: string | undefined;
  personnummer: string;
  reference: string;
  operator: { hsaId: string; name: string };
  status: number;
}

/**
 * The staff tool's HTTP contract, as far as execution uses it: account state per personnummer,
 * idempotent actions (same key → same answer, one state change), and injected failures.
 */
class FakeStaffTool {
  readonly server: Server;
  readonly queries: string[] = [];
  readonly calls: ActionCall[] = [];
  /** Account changes actually made (a replayed key makes none). */
  stateChanges = 0;
  private readonly locked = new Set<string>();
  private readonly answers = new Map<string, object>();
  /** personnummer → how many action calls answer 503 before the tool works (Infinity: never). */
  readonly failures = new Map<string, number>();
  /** personnummer → a 4xx the tool answers every action call with. */
  readonly refusals = new Map<string, number>();
  readonly withoutAccount = new Set<string>();

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  callsFor(key: string): ActionCall[] {
    return this.calls.filter((c) => c.idempotencyKey === key);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    };
    const body = JSON.parse(await readBody(req)) as { personnummer: string; action: string; region: string; reference: string; operator: ActionCall['operator'] };
    if (req.method === 'POST' && req.url === '/staff-tool/accounts/query') {
      this.queries.push(body.personnummer);
      const hasAccount = !this.withoutAccount.has(body.personnummer);
      return send(200, { hasAccount, loginLocked: this.locked.has(body.personnummer), lockedByRegion: null, blockedGuardians: [], seal: null });
    }
    if (req.method === 'POST' && req.url === '/staff-tool/actions') {
      const key = req.headers['idempotency-key'] as string | undefined;
      const call: ActionCall = { idempotencyKey: key, personnummer: body.personnummer, reference: body.reference, operator: body.operator, status: 200 };
      this.calls.push(call);
      const failing = this.failures.get(body.personnummer) ?? 0;
      if (failing > 0) {
        this.failures.set(body.personnummer, failing - 1);
        call.status = 503;
        return send(503, { title: 'Staff tool unavailable', status: 503 });
      }
      const refusal = this.refusals.get(body.personnummer);
      if (refusal) {
        call.status = refusal;
        return send(refusal, { title: 'Refused', status: refusal });
      }
      if (!key) return send(400, { title: 'Idempotency-Key required', status: 400 });
      const earlier = this.answers.get(key);
      if (earlier) return send(200, earlier);
      let result = 'ALREADY_IN_STATE';
      if (this.withoutAccount.has(body.personnummer)) result = 'NO_ACCOUNT';
      else if (!this.locked.has(body.personnummer)) {
        this.locked.add(body.personnummer);
        this.stateChanges += 1;
        result = 'DONE';
      }
      const answer = { callId: randomUUID(), idempotencyKey: key, action: body.action, result, account: {}, executedAt: new Date().toISOString() };
      this.answers.set(key, answer);
      return send(200, answer);
    }
    send(404, { title: 'No such endpoint', status: 404 });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8') || '{}'));
    req.on('error', reject);
  });
}

function command(resident: string, overrides: Partial<ExecuteActionV1> = {}): ExecuteActionV1 {
  return {
    actionId: randomUUID(),
    caseId: randomUUID(),
    registryNumber: 'VGR-2026-000042',
    action: 'LOGIN_LOCK',
    personnummer: resident,
    sealScope: null,
    ...overrides,
  };
}

function envelopeOf(payload: ExecuteActionV1): Envelope<ExecuteActionV1> {
  return createEnvelope(ExecuteActionV1, payload, {
    correlationId: payload.caseId,
    causationId: payload.caseId,
    region: 'VGR',
    actor: systemActor('intake', 'VGR'),
  });
}

describe('execution against the real broker and database', () => {
  const staffTool = new FakeStaffTool();
  let harness: ServiceHarness;

  beforeAll(async () => {
    await new Promise<void>((resolve) => staffTool.server.listen(0, '127.0.0.1', resolve));
    // The driver stands in for intake: it sends commands and listens for completions.
    harness = await startServiceUnderTest({
      appModule: AppModule.forRoot,
      configClass: ExecutionConfig,
      env: {
        STAFF_TOOL_URL: `${staffTool.url}/staff-tool`,
        STAFF_TOOL_TIMEOUT_MS: '2000',
        EXECUTION_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      },
      observe: [ActionCompletedV1],
    });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => staffTool.server.close(resolve));
  });

  function completionsOf(actionId: string): Envelope<ActionCompletedV1>[] {
    return harness.observedOf(ActionCompletedV1, (c) => c.payload.actionId === actionId);
  }

  async function completionOf(actionId: string, timeoutMs?: number): Promise<Envelope<ActionCompletedV1>> {
    return harness.waitFor(ActionCompletedV1, (c) => c.payload.actionId === actionId, { what: `the completion of action ${actionId}`, timeoutMs });
  }

  async function actionRow(actionId: string): Promise<Record<string, unknown>> {
    const [row] = await harness.dataSource.query(`SELECT * FROM execution.actions WHERE action_id = $1`, [actionId]);
    return row;
  }

  it('retries a staff tool that answers 503 twice, then executes once with the action id as idempotency key', async () => {
    const resident = personnummer(101);
    staffTool.failures.set(resident, 2);
    const payload = command(resident);
    const envelope = envelopeOf(payload);
    await harness.publish(envelope);

    const completed = await completionOf(payload.actionId, RETRY_DEADLINE_MS);
    expect(completed.payload).toMatchObject({
      actionId: payload.actionId,
      caseId: payload.caseId,
      action: 'LOGIN_LOCK',
      outcome: 'EXECUTED',
      mode: 'http',
      detail: null,
    });
    expect(completed.payload.staffToolReference).toEqual(expect.any(String));
    expect(completed).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:execution' } });

    const calls = staffTool.callsFor(payload.actionId);
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(calls.every((c) => c.reference === 'VGR-2026-000042' && c.operator.hsaId === 'system:accessdesk')).toBe(true);
    expect(staffTool.calls.filter((c) => c.personnummer === resident)).toHaveLength(3);
    expect(staffTool.stateChanges).toBe(1);

    const row = await actionRow(payload.actionId);
    expect(row).toMatchObject({ status: 'DONE', outcome: 'EXECUTED', attempts: 3, personnummer: null, guardian_personnummer: null });
    expect(completionsOf(payload.actionId)).toHaveLength(1);
  });

  it('does not call the staff tool again for a redelivered command or the same action sent anew', async () => {
    const resident = personnummer(102);
    const payload = command(resident);
    const envelope = envelopeOf(payload);
    await harness.publish(envelope);
    await completionOf(payload.actionId);

    // The same message again, as a relay that published it twice would do...
    await harness.publishAgain(envelope);
    // ...and the same action in a new message, as a producer that sent its command twice would do.
    const again = envelopeOf(payload);
    await harness.publish(again);
    await harness.handled(again);
    await pollUntil(async () => {
      const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM execution.actions WHERE status = 'PENDING'`);
      return n === 0;
    }, { what: 'no pending actions' });

    expect(staffTool.callsFor(payload.actionId)).toHaveLength(1);
    expect(staffTool.queries.filter((q) => q === resident)).toHaveLength(1);
    const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM execution.outbox WHERE envelope->'payload'->>'actionId' = $1`, [
      payload.actionId,
    ]);
    expect(n).toBe(1);
  });

  it('reports NOT_APPLICABLE without calling the action when the resident has no 1177 account (R16)', async () => {
    const resident = personnummer(103);
    staffTool.withoutAccount.add(resident);
    const payload = command(resident);
    await harness.publish(envelopeOf(payload));

    const completed = await completionOf(payload.actionId);
    expect(completed.payload).toMatchObject({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', staffToolReference: null });
    expect(staffTool.queries).toContain(resident);
    expect(staffTool.callsFor(payload.actionId)).toHaveLength(0);
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'NOT_APPLICABLE', personnummer: null });
  });

  it('fails at once when the staff tool refuses the command', async () => {
    const resident = personnummer(104);
    staffTool.refusals.set(resident, 422);
    const payload = command(resident);
    await harness.publish(envelopeOf(payload));

    const completed = await completionOf(payload.actionId);
    expect(completed.payload).toMatchObject({ outcome: 'FAILED', detail: 'STAFF_TOOL_REJECTED_422' });
    expect(staffTool.callsFor(payload.actionId)).toHaveLength(1);
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'FAILED', attempts: 1, personnummer: null });
  });

  it('fails with STAFF_TOOL_UNAVAILABLE once the attempts run out', async () => {
    const resident = personnummer(105);
    staffTool.failures.set(resident, Infinity);
    const payload = command(resident);
    await harness.publish(envelopeOf(payload));

    const completed = await completionOf(payload.actionId, RETRY_DEADLINE_MS);
    expect(completed.payload).toMatchObject({ outcome: 'FAILED', detail: 'STAFF_TOOL_UNAVAILABLE' });
    expect(staffTool.callsFor(payload.actionId)).toHaveLength(MAX_ATTEMPTS);
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'FAILED', attempts: MAX_ATTEMPTS, personnummer: null });
  });
});
