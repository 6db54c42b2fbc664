import { DataSource } from 'typeorm';
import {
  Actor,
  CaseReceivedV1,
  DeadLetterListView,
  DeadLetterView,
  ListDeadLettersV1,
  MessageContract,
  PurgeDeadLettersV1,
  ReplayDeadLettersV1,
  RpcReply,
  ShowDeadLetterV1,
  systemActor,
} from '@accessdesk/contracts';
import {
  DEFAULT_AMQP_URL,
  Messaging,
  MessagingLogger,
  MessagingTables1732300000000,
  RetryPolicy,
  createEnvelope,
  deleteTopology,
  on,
  publishRaw,
} from '@accessdesk/messaging';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { IntakeConfig } from './intake.config';

const AMQP_URL = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const FAST_RETRY: RetryPolicy = { delaysMs: [50], retryForMs: 2_000, permanentAttempts: 2 };
const PNR = '199001012385';
const CASE = '6b1f3c2e-1d4a-4f0b-9c7e-2a5d8e9f0a11';
const OPERATOR: Actor = { sub: 'SE2321000131-E000000000090', name: 'Drift Operatör', region: 'VGR', roles: ['operator'] };

/**
 * The operator's way back from the dead-letter queues (issue "Faults never leave a case stuck or
 * wrong", item 2), asked of intake over its request queue as the gateway asks, against the real
 * broker and database: a message that died in identity-check's queue is listed with why and when (never its personnummer), shown masked, replayed to its queue
 * where it now has its effect once, and every read and replay is in intake's audit trail.
 */
describe('dead-letter queues: list, show, replay, purge', () => {
  let harness: ServiceHarness;
  let prefix: string;
  let identityCheckDs: DataSource;
  let consumer: Messaging;
  let broken = true;
  const handled: string[] = [];

  /** Asks intake over its request queue, as the gateway does. */
  function ask<P extends object, R>(contract: MessageContract<P>, payload: P, actor: Actor = OPERATOR): Promise<RpcReply<R>> {
    return harness.driver.request<P, R>('intake', contract, payload, { correlationId: CASE, causationId: CASE, region: actor.region, actor });
  }

  beforeAll(async () => {
    harness = await startServiceUnderTest({ appModule: AppModule.forRoot, configClass: IntakeConfig });
    prefix = harness.prefix;
    // identity-check's queue, with a handler that fails until the fault is mended.
    identityCheckDs = createServiceDataSource({ url: harness.db.url, schema: 'identity_check', entities: [], migrations: [MessagingTables1732300000000] });
    await initializeAndMigrate(identityCheckDs);
    consumer = new Messaging({ url: AMQP_URL, service: 'identity-check', prefix, dataSource: identityCheckDs, logger: quiet, retry: FAST_RETRY });
    consumer.subscribe('events', [
      on(CaseReceivedV1, async (envelope) => {
        if (broken) throw new Error('a bug that fails the same way every time');
        handled.push(envelope.id);
      }),
    ]);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.close();
    if (prefix) await deleteTopology(prefix, [`${prefix}identity-check.events`], AMQP_URL, FAST_RETRY.delaysMs);
    if (identityCheckDs?.isInitialized) await identityCheckDs.destroy();
    await harness?.close();
  });

  const received = createEnvelope(
    CaseReceivedV1,
    {
      caseId: CASE,
      registryNumber: 'VGR-2026-000042',
      caseType: 'LOGIN_LOCK',
      channel: 'FORM',
      resident: { personnummer: PNR, name: 'Tova Testsson' },
      signature: null,
      decidedBy: { hsaId: 'SE2321000131-E000000000011', role: 'CLINICIAN' },
      requestingUnitHsaId: 'SE2321000131-E000000000001',
      receivedAt: '2026-11-20T09:00:00.000Z',
    },
    { correlationId: CASE, causationId: CASE, region: 'VGR', actor: systemActor('intake', 'VGR') },
  );

  async function list(filter: ListDeadLettersV1 = {}): Promise<DeadLetterListView> {
    const reply = await ask<ListDeadLettersV1, DeadLetterListView>(ListDeadLettersV1, filter);
    if (!reply.ok) throw new Error(reply.problem.title);
    return reply.body;
  }

  it('lists a dead letter with its type, message id, case, when and why it died, and no personnummer', async () => {
    await publishRaw(`${prefix}accessdesk.events`, CaseReceivedV1.type, received);
    const view = await pollUntil(async () => {
      const got = await list({ queue: 'identity-check.events' });
      return got.items.length === 1 ? got : undefined;
    }, { what: 'the dead letter', timeoutMs: 15_000 });
    expect(view.queues).toContainEqual({ queue: 'identity-check.events', deadLetters: 1 });
    expect(view.items[0]).toMatchObject({
      queue: 'identity-check.events',
      messageId: received.id,
      type: CaseReceivedV1.type,
      caseId: CASE,
      region: 'VGR',
      reason: 'failed 2 times: Error: a bug that fails the same way every time',
      failures: 2,
    });
    expect(Date.parse(view.items[0].diedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(view)).not.toContain(PNR);
    expect(view.truncated).toBe(false);
    // Reading changed nothing: it is still there.
    expect((await list()).items).toHaveLength(1);
  });

  it('shows the envelope with the personnummer masked, and refuses anyone but an operator', async () => {
    const shown = await ask(ShowDeadLetterV1, { messageId: received.id });
    expect(shown.ok).toBe(true);
    const text = JSON.stringify(shown);
    expect(text).not.toContain(PNR);
    expect(text).toContain('[personnummer]');
    const desk: Actor = { ...OPERATOR, roles: ['service_desk'] };
    const refused = await ask(ListDeadLettersV1, {}, desk);
    expect(refused).toMatchObject({ ok: false, problem: { status: 403 } });
  });

  it('replays only when told which (or all), sends the letter back to its queue, where it now has its effect once', async () => {
    const vague = await ask(ReplayDeadLettersV1, {});
    expect(vague).toMatchObject({ ok: false, problem: { status: 422 } });

    broken = false; // the fault is mended
    const replayed = await ask<ReplayDeadLettersV1, { replayed: DeadLetterView[] }>(ReplayDeadLettersV1, { caseId: CASE });
    expect(replayed.ok && replayed.body.replayed.map((d) => d.messageId)).toEqual([received.id]);
    await pollUntil(() => handled.length === 1, { what: 'the replayed message handled' });
    expect(handled).toEqual([received.id]);
    expect((await list()).items).toHaveLength(0);

  });

  it('purges request/reply dead letters', async () => {
    await publishRaw(`${prefix}accessdesk.dlx`, `${prefix}intake.rpc`, { stale: 'request' });
    await pollUntil(async () => (await list({ queue: 'intake.rpc' })).items.length === 1, { what: 'the request dead letter' });
    const purged = await ask(PurgeDeadLettersV1, { queue: 'intake.rpc' });
    expect(purged).toEqual({ ok: true, body: { purged: 1 } });
    expect((await list({ queue: 'intake.rpc' })).items).toHaveLength(0);
  });

  it('records every read, replay and purge in the audit trail, the replay under its case', async () => {
    const rows: Array<{ action: string; case_id: string | null; actor: Actor; detail: string }> = await harness.dataSource.query(
      `SELECT action, case_id, actor, detail FROM intake.audit_log ORDER BY seq`,
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('DEAD_LETTERS_READ');
    expect(actions).toContain('DEAD_LETTERS_PURGED');
    const replay = rows.find((r) => r.action === 'DEAD_LETTER_REPLAYED');
    expect(replay).toMatchObject({ case_id: CASE, actor: expect.objectContaining({ sub: OPERATOR.sub }) });
    expect(rows.filter((r) => r.actor.roles.includes('service_desk'))).toHaveLength(0); // the refused read left nothing
    expect(JSON.stringify(rows)).not.toContain(PNR);
  });
});
