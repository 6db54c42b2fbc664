import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ActionCompletedV1,
  Actor,
  Envelope,
  ExecuteActionV1,
  ManualActionOpenedV1,
  ManualResult,
  RecordManualResultV1,
  luhnCheckDigit,
  systemActor,
} from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { ExecutionConfig } from './execution.config';

const MAX_ATTEMPTS = 3;
/** Two retries at 1 s and 2 s, plus margin. */
const RETRY_DEADLINE_MS = 20_000;
/** In this file's regions configuration VGR executes by hand (`manual`); KRONOBERG over `http`. */
const MANUAL_REGION = 'VGR';
const HTTP_REGION = 'KRONOBERG';
/** An operator of VGR's service desk and of its contact centre (the fixtures' David Dahl, Eva Ek). */
const SERVICE_DESK: Actor = { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: MANUAL_REGION, roles: ['service_desk'] };
const CONTACT_CENTRE: Actor = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: MANUAL_REGION, roles: ['contact_centre'] };

/** config/regions.json with VGR switched to the manual adapter mode, in a temporary directory. */
function regionsFileWithManualVgr(dir: string): string {
  const regions = JSON.parse(readFileSync(resolve(__dirname, '../../../config/regions.json'), 'utf8')) as { regions: Array<{ code: string; adapterMode: string }> };
  for (const region of regions.regions) if (region.code === MANUAL_REGION) region.adapterMode = 'manual';
  if (regions.regions.find((r) => r.code === HTTP_REGION)?.adapterMode !== 'http') throw new Error(`${HTTP_REGION} must use the http mode for these tests`);
  const path = join(dir, 'regions.json');
  writeFileSync(path, JSON.stringify(regions));
  return path;
}

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
  /** personnummer → the region whose login lock is in effect (R10: a second region's lock leaves it). */
  readonly locked = new Map<string, string>();
  private readonly answers = new Map<string, object>();
  /** personnummer → how many action calls answer 503 before the tool works (Infinity: never). */
  readonly failures = new Map<string, number>();
  /** personnummer → how many `accounts/query` calls answer 503 (Infinity: the tool is silent). */
  readonly queryFailures = new Map<string, number>();
  /** Residents whose actions the tool carries out but whose answers are lost (503 after acting). */
  readonly lostAnswers = new Set<string>();
  /** personnummer → a 4xx the tool answers every action call with. */
  readonly refusals = new Map<string, number>();
  /** Residents without a 1177 login of their own: only login actions answer NO_ACCOUNT (R16). */
  readonly withoutAccount = new Set<string>();

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private account(personnummer: string, hasAccount: boolean): object {
    const lockedByRegion = this.locked.get(personnummer) ?? null;
    return { hasAccount, loginLocked: lockedByRegion !== null, lockedByRegion, blockedGuardians: [], seal: null };
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
      const failingQueries = this.queryFailures.get(body.personnummer) ?? 0;
      if (failingQueries > 0) {
        this.queryFailures.set(body.personnummer, failingQueries - 1);
        return send(503, { title: 'Staff tool unavailable', status: 503 });
      }
      const hasAccount = !this.withoutAccount.has(body.personnummer);
      return send(200, this.account(body.personnummer, hasAccount));
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
      if (earlier && this.lostAnswers.has(body.personnummer)) {
        call.status = 503;
        return send(503, { title: 'Gateway timeout on the way back', status: 503 });
      }
      if (earlier) return send(200, earlier);
      let result = 'ALREADY_IN_STATE';
      const login = body.action === 'LOGIN_LOCK' || body.action === 'LOGIN_UNLOCK';
      if (this.withoutAccount.has(body.personnummer) && login) result = 'NO_ACCOUNT';
      else if (body.action === 'LOGIN_UNLOCK' ? this.locked.delete(body.personnummer) : !login || !this.locked.has(body.personnummer)) {
        // A lock keeps the region that asked for it; the other actions only count here.
        if (body.action === 'LOGIN_LOCK') this.locked.set(body.personnummer, body.region);
        this.stateChanges += 1;
        result = 'DONE';
      }
      const account = this.account(body.personnummer, !this.withoutAccount.has(body.personnummer));
      const answer = { callId: randomUUID(), idempotencyKey: key, action: body.action, result, account, executedAt: new Date().toISOString() };
      this.answers.set(key, answer);
      if (this.lostAnswers.has(body.personnummer)) {
        // The tool acted; its answer never reaches the caller.
        call.status = 503;
        return send(503, { title: 'Gateway timeout on the way back', status: 503 });
      }
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
    registryNumber: `${HTTP_REGION}-2026-000042`,
    action: 'LOGIN_LOCK',
    personnummer: resident,
    sealScope: null,
    ...overrides,
  };
}

function envelopeOf(payload: ExecuteActionV1, region = HTTP_REGION): Envelope<ExecuteActionV1> {
  return createEnvelope(ExecuteActionV1, payload, {
    correlationId: payload.caseId,
    causationId: payload.caseId,
    region,
    actor: systemActor('intake', region),
  });
}

describe('execution against the real broker and database', () => {
  const staffTool = new FakeStaffTool();
  const configDir = mkdtempSync(join(tmpdir(), 'accessdesk-execution-'));
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
        REGIONS_CONFIG_FILE: regionsFileWithManualVgr(configDir),
      },
      observe: [ActionCompletedV1, ManualActionOpenedV1],
    });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => staffTool.server.close(resolve));
    rmSync(configDir, { recursive: true, force: true });
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

  it('R7 executes over http for a region whose adapter mode is http: retries a staff tool that answers 503 twice, then executes once with the action id as idempotency key', async () => {
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
    expect(completed).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: HTTP_REGION, actor: { sub: 'system:execution' } });
    expect(completed.payload.executedBy).toBeUndefined();

    const calls = staffTool.callsFor(payload.actionId);
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(calls.every((c) => c.reference === `${HTTP_REGION}-2026-000042` && c.operator.hsaId === 'system:accessdesk')).toBe(true);
    expect(staffTool.calls.filter((c) => c.personnummer === resident)).toHaveLength(3);
    expect(staffTool.stateChanges).toBe(1);

    const row = await actionRow(payload.actionId);
    expect(row).toMatchObject({ status: 'DONE', mode: 'http', outcome: 'EXECUTED', attempts: 3, personnummer: null, guardian_personnummer: null });
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

  it('R10 reports whose lock the tool shows: a lock on a login another region locked is ALREADY_IN_STATE naming that region', async () => {
    const resident = personnummer(106);
    staffTool.locked.set(resident, 'JAMTLAND');
    const payload = command(resident);
    await harness.publish(envelopeOf(payload));

    const completed = await completionOf(payload.actionId);
    expect(completed.payload).toMatchObject({ outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE', lockedByRegion: 'JAMTLAND' });
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', locked_by_region: 'JAMTLAND' });

    // The region's own lock names the region itself.
    const own = command(personnummer(107));
    await harness.publish(envelopeOf(own));
    expect((await completionOf(own.actionId)).payload).toMatchObject({ outcome: 'EXECUTED', detail: null, lockedByRegion: HTTP_REGION });
  });

  it('R16 R18 R21 blocks guardians and seals the journal of a resident without a login; only the login is NOT_APPLICABLE', async () => {
    const child = personnummer(108);
    const adult = personnummer(109);
    staffTool.withoutAccount.add(child);
    staffTool.withoutAccount.add(adult);
    const block = command(child, { action: 'GUARDIAN_BLOCK', guardianPersonnummer: [personnummer(110)] });
    const seal = command(adult, { action: 'JOURNAL_SEAL', sealScope: { whole: true } });
    const childLock = command(child);
    await harness.publish(envelopeOf(block), envelopeOf(seal), envelopeOf(childLock));

    const blocked = await completionOf(block.actionId);
    expect(blocked.payload).toMatchObject({ outcome: 'EXECUTED', detail: null });
    expect(blocked.payload.lockedByRegion).toBeUndefined();
    expect((await completionOf(seal.actionId)).payload).toMatchObject({ outcome: 'EXECUTED', detail: null });
    expect(staffTool.callsFor(block.actionId)).toHaveLength(1);
    expect(staffTool.callsFor(seal.actionId)).toHaveLength(1);
    expect((await completionOf(childLock.actionId)).payload).toMatchObject({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', lockedByRegion: null });
    expect(staffTool.callsFor(childLock.actionId)).toHaveLength(0);
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
    expect(completed.payload).toMatchObject({ outcome: 'FAILED', detail: 'STAFF_TOOL_UNAVAILABLE', lockedByRegion: null, observed: 'Personalverktyget visar inloggningen olåst' });
    expect(staffTool.callsFor(payload.actionId)).toHaveLength(MAX_ATTEMPTS);
    // Issue 9: one query per attempt, and one more to reconcile before FAILED is declared.
    expect(staffTool.queries.filter((q) => q === resident)).toHaveLength(MAX_ATTEMPTS + 1);
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'FAILED', attempts: MAX_ATTEMPTS, personnummer: null });
  });

  it('R7 R10 an action the tool carried out but whose answers were lost is EXECUTED once the account shows the lock (issue 9)', async () => {
    const resident = personnummer(111);
    staffTool.lostAnswers.add(resident);
    const payload = command(resident);
    await harness.publish(envelopeOf(payload));

    const completed = await completionOf(payload.actionId, RETRY_DEADLINE_MS);
    expect(completed.payload).toMatchObject({
      outcome: 'EXECUTED',
      detail: 'RECONCILED_ALREADY_IN_STATE',
      lockedByRegion: HTTP_REGION,
      observed: `Personalverktyget visar inloggningen låst på begäran av ${HTTP_REGION}`,
      staffToolReference: null,
    });
    expect(completed.payload.observed).not.toContain(resident);
    expect(staffTool.callsFor(payload.actionId).map((c) => c.status)).toEqual(Array(MAX_ATTEMPTS).fill(503));
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'EXECUTED', detail: 'RECONCILED_ALREADY_IN_STATE', locked_by_region: HTTP_REGION, personnummer: null });
    expect(completionsOf(payload.actionId)).toHaveLength(1);
  });

  it('R7 reports UNKNOWN when neither the action nor the account state gets an answer (issue 9)', async () => {
    const resident = personnummer(112);
    staffTool.queryFailures.set(resident, Infinity);
    staffTool.failures.set(resident, Infinity);
    const payload = command(resident, { action: 'GUARDIAN_BLOCK', guardianPersonnummer: [personnummer(113)] });
    await harness.publish(envelopeOf(payload));

    const completed = await completionOf(payload.actionId, RETRY_DEADLINE_MS);
    expect(completed.payload).toMatchObject({ outcome: 'UNKNOWN', detail: 'STAFF_TOOL_STATE_UNKNOWN', staffToolReference: null });
    expect(completed.payload.lockedByRegion).toBeUndefined();
    expect(staffTool.queries.filter((q) => q === resident)).toHaveLength(MAX_ATTEMPTS + 1);
    expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'UNKNOWN', attempts: MAX_ATTEMPTS, personnummer: null, guardian_personnummer: null });
  });

  describe('manual adapter mode', () => {
    const EXECUTED_AT = '2026-11-24T10:15:00.000Z';
    const OBSERVED = 'Inloggningen visas som låst i personalverktyget';
    let drainSerial = 300;

    function openedOf(actionId: string): Envelope<ManualActionOpenedV1>[] {
      return harness.observedOf(ManualActionOpenedV1, (e) => e.payload.actionId === actionId);
    }

    /** Sends a command of the manual region and waits for the work item it opens. */
    async function openManual(
      resident: string,
      overrides: Partial<ExecuteActionV1> = {},
    ): Promise<{ payload: ExecuteActionV1; envelope: Envelope<ExecuteActionV1>; opened: Envelope<ManualActionOpenedV1> }> {
      const payload = command(resident, { registryNumber: `${MANUAL_REGION}-2026-000043`, ...overrides });
      const envelope = envelopeOf(payload, MANUAL_REGION);
      await harness.publish(envelope);
      const opened = await harness.waitFor(ManualActionOpenedV1, (e) => e.payload.actionId === payload.actionId, { what: `the work item of action ${payload.actionId}` });
      return { payload, envelope, opened };
    }

    function resultOf(action: Pick<ExecuteActionV1, 'actionId' | 'caseId'>, result: ManualResult, actor: Actor = SERVICE_DESK, lockedByRegion?: string): Envelope<RecordManualResultV1> {
      const payload: RecordManualResultV1 = {
        ...(lockedByRegion ? { lockedByRegion } : {}),
        actionId: action.actionId,
        caseId: action.caseId,
        result,
        executedBy: { hsaId: actor.sub, name: actor.name },
        executedAt: EXECUTED_AT,
        observed: OBSERVED,
      };
      return createEnvelope(RecordManualResultV1, payload, { correlationId: action.caseId, causationId: randomUUID(), region: actor.region, actor });
    }

    /**
     * The worker takes due actions oldest first: once an http action sent now has completed, any
     * action accepted before it that the worker would claim has been claimed.
     */
    async function workerHasCaughtUp(): Promise<void> {
      drainSerial += 1;
      const payload = command(personnummer(drainSerial));
      await harness.publish(envelopeOf(payload));
      await completionOf(payload.actionId);
    }

    async function completionEventsInOutbox(actionId: string): Promise<number> {
      const [{ n }] = await harness.dataSource.query(
        `SELECT count(*)::int AS n FROM execution.outbox WHERE envelope->>'type' = $1 AND envelope->'payload'->>'actionId' = $2`,
        [ActionCompletedV1.type, actionId],
      );
      return n;
    }

    it('R7 opens exactly one work item for an action of a manual region, and the staff tool hears nothing of it', async () => {
      const resident = personnummer(201);
      const { payload, envelope, opened } = await openManual(resident, { action: 'JOURNAL_SEAL', sealScope: { whole: true } });
      expect(opened.payload).toEqual({
        actionId: payload.actionId,
        caseId: payload.caseId,
        registryNumber: `${MANUAL_REGION}-2026-000043`,
        action: 'JOURNAL_SEAL',
        queue: 'SERVICE_DESK',
        personnummer: resident,
        guardianPersonnummer: null,
        sealScope: { whole: true },
        openedAt: expect.any(String),
      });
      expect(opened).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: MANUAL_REGION, actor: { sub: 'system:execution' } });

      // The same command redelivered and sent anew opens nothing more.
      await harness.publishAgain(envelope);
      const again = envelopeOf(payload, MANUAL_REGION);
      await harness.publish(again);
      await harness.handled(again);
      await workerHasCaughtUp();

      expect(openedOf(payload.actionId)).toHaveLength(1);
      expect(staffTool.queries).not.toContain(resident);
      expect(staffTool.calls.filter((c) => c.personnummer === resident)).toHaveLength(0);
      expect(completionsOf(payload.actionId)).toHaveLength(0);
      // The operator needs the number until the action is done.
      expect(await actionRow(payload.actionId)).toMatchObject({ status: 'AWAITING_OPERATOR', mode: 'manual', personnummer: resident, attempts: 0 });
    });

    it('R7 completes a manual action once from the operator\'s result; a redelivery or a second result changes nothing', async () => {
      const resident = personnummer(202);
      const { payload } = await openManual(resident);
      const result = resultOf(payload, 'DONE');
      await harness.publish(result);

      const completed = await completionOf(payload.actionId);
      expect(completed.payload).toEqual({
        actionId: payload.actionId,
        caseId: payload.caseId,
        registryNumber: payload.registryNumber,
        action: 'LOGIN_LOCK',
        outcome: 'EXECUTED',
        mode: 'manual',
        staffToolReference: null,
        detail: null,
        completedAt: EXECUTED_AT,
        executedBy: { hsaId: SERVICE_DESK.sub, name: SERVICE_DESK.name },
        observed: OBSERVED,
        lockedByRegion: MANUAL_REGION,
      });
      expect(completed).toMatchObject({ correlationId: payload.caseId, causationId: result.id, region: MANUAL_REGION, actor: { sub: SERVICE_DESK.sub } });
      expect(await actionRow(payload.actionId)).toMatchObject({
        status: 'DONE',
        outcome: 'EXECUTED',
        detail: null,
        personnummer: null,
        guardian_personnummer: null,
        executed_by: { hsaId: SERVICE_DESK.sub, name: SERVICE_DESK.name },
        observed: OBSERVED,
      });

      await harness.publishAgain(result);
      const second = resultOf(payload, 'FAILED');
      await harness.publish(second);
      await harness.handled(second);

      expect(await completionEventsInOutbox(payload.actionId)).toBe(1);
      expect(completionsOf(payload.actionId)).toHaveLength(1);
      expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'EXECUTED', detail: null });
      expect(staffTool.queries).not.toContain(resident);
    });

    it('R16 reports NOT_APPLICABLE when the operator finds no 1177 account', async () => {
      const { payload } = await openManual(personnummer(203));
      await harness.publish(resultOf(payload, 'NO_ACCOUNT'));

      const completed = await completionOf(payload.actionId);
      expect(completed.payload).toMatchObject({ outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', mode: 'manual', observed: OBSERVED });
      expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', outcome: 'NOT_APPLICABLE', detail: 'NO_ACCOUNT', personnummer: null });
    });

    it('R7 reports ALREADY_IN_STATE and FAILED by hand with the details the http mode uses', async () => {
      const already = (await openManual(personnummer(204))).payload;
      const failed = (await openManual(personnummer(205))).payload;
      await harness.publish(resultOf(already, 'ALREADY_IN_STATE', SERVICE_DESK, 'KRONOBERG'), resultOf(failed, 'FAILED'));

      expect((await completionOf(already.actionId)).payload).toMatchObject({ outcome: 'EXECUTED', detail: 'ALREADY_IN_STATE', mode: 'manual', lockedByRegion: 'KRONOBERG' });
      expect(await actionRow(already.actionId)).toMatchObject({ locked_by_region: 'KRONOBERG' });
      expect((await completionOf(failed.actionId)).payload).toMatchObject({ outcome: 'FAILED', detail: 'MANUAL_FAILED', mode: 'manual' });
      expect(await actionRow(failed.actionId)).toMatchObject({ status: 'DONE', outcome: 'FAILED', personnummer: null });
    });

    it('R10 R16 ignores a lock found in place without the region whose lock it is, and NO_ACCOUNT for a seal or guardian block', async () => {
      const lock = (await openManual(personnummer(210))).payload;
      const seal = (await openManual(personnummer(211), { action: 'JOURNAL_SEAL', sealScope: { whole: true } })).payload;
      const block = (await openManual(personnummer(212), { action: 'GUARDIAN_BLOCK', guardianPersonnummer: [personnummer(213)] })).payload;
      const ignored = [resultOf(lock, 'ALREADY_IN_STATE'), resultOf(seal, 'NO_ACCOUNT'), resultOf(block, 'NO_ACCOUNT', CONTACT_CENTRE)];
      await harness.publish(...ignored);
      for (const envelope of ignored) await harness.handled(envelope);
      for (const action of [lock, seal, block]) {
        expect(completionsOf(action.actionId)).toHaveLength(0);
        expect(await actionRow(action.actionId)).toMatchObject({ status: 'AWAITING_OPERATOR', outcome: null });
      }

      // The seal of a resident without a login is done by hand like any other.
      await harness.publish(resultOf(seal, 'DONE'));
      expect((await completionOf(seal.actionId)).payload).toMatchObject({ outcome: 'EXECUTED', detail: null });
    });

    it('R7 sends a guardian block to the contact centre, whose operator alone may complete it', async () => {
      const child = personnummer(206);
      const guardian = personnummer(207);
      const { payload, opened } = await openManual(child, { action: 'GUARDIAN_BLOCK', guardianPersonnummer: [guardian] });
      expect(opened.payload).toMatchObject({ queue: 'CONTACT_CENTRE', personnummer: child, guardianPersonnummer: [guardian] });

      const byServiceDesk = resultOf(payload, 'DONE', SERVICE_DESK);
      await harness.publish(byServiceDesk);
      await harness.handled(byServiceDesk);
      expect(await actionRow(payload.actionId)).toMatchObject({ status: 'AWAITING_OPERATOR', guardian_personnummer: [guardian] });

      await harness.publish(resultOf(payload, 'DONE', CONTACT_CENTRE));
      expect((await completionOf(payload.actionId)).payload).toMatchObject({ outcome: 'EXECUTED', executedBy: { hsaId: CONTACT_CENTRE.sub } });
      expect(await actionRow(payload.actionId)).toMatchObject({ status: 'DONE', personnummer: null, guardian_personnummer: null });
    });

    it('R7 ignores a result for an unknown action, another case, another region, a non-operator or an http action', async () => {
      const { payload } = await openManual(personnummer(208));
      const httpAction = command(personnummer(209));
      await harness.publish(envelopeOf(httpAction));
      await completionOf(httpAction.actionId);

      const ignored = [
        resultOf({ actionId: randomUUID(), caseId: randomUUID() }, 'DONE'),
        resultOf({ actionId: payload.actionId, caseId: randomUUID() }, 'DONE'),
        resultOf(payload, 'DONE', { ...SERVICE_DESK, region: HTTP_REGION }),
        resultOf(payload, 'DONE', { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: MANUAL_REGION, roles: ['clinician'] }),
        resultOf(httpAction, 'FAILED', { ...SERVICE_DESK, region: HTTP_REGION }),
      ];
      await harness.publish(...ignored);
      for (const envelope of ignored) await harness.handled(envelope);

      expect(completionsOf(payload.actionId)).toHaveLength(0);
      expect(await actionRow(payload.actionId)).toMatchObject({ status: 'AWAITING_OPERATOR', outcome: null });
      expect(await completionEventsInOutbox(httpAction.actionId)).toBe(1);
      expect(await actionRow(httpAction.actionId)).toMatchObject({ status: 'DONE', mode: 'http', outcome: 'EXECUTED' });
    });
  });
});
