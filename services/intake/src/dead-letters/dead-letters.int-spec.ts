import { DataSource } from 'typeorm';
import { AuditLinkedAfterCommit1732300000900, AuditLogTable1732300000700 } from '@accessdesk/audit';
import {
  Actor,
  CaseReceivedV1,
  DeadLetterListView,
  Envelope,
  ListDeadLettersV1,
  MessageContract,
  PurgeDeadLettersV1,
  ReplayDeadLettersV1,
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
  testPrefix,
} from '@accessdesk/messaging';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { TestDatabase, createTestDatabase, pollUntil } from '@accessdesk/testing';
import { DeadLettersService } from './dead-letters.service';

const AMQP_URL = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const FAST_RETRY: RetryPolicy = { delaysMs: [50], retryForMs: 2_000, permanentAttempts: 2 };
const PNR = '199001012385';
const CASE = '6b1f3c2e-1d4a-4f0b-9c7e-2a5d8e9f0a11';
const OPERATOR: Actor = { sub: 'SE2321000131-E000000000090', name: 'Drift Operatör', region: 'VGR', roles: ['operator'] };

/**
 * The operator's way back from the dead-letter queues (issue "Faults never leave a case stuck or
 * wrong", item 2), against the real broker and database: a message that died in identity-check's
 * queue is listed with why and when (never its personnummer), shown masked, replayed to its queue
 * where it now has its effect once, and every read and replay is in intake's audit trail.
 */
describe('dead-letter queues: list, show, replay, purge', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let prefix: string;
  let consumer: Messaging;
  let intakeRpc: Messaging;
  let service: DeadLettersService;
  let broken = true;
  const handled: string[] = [];

  function ask<P extends object>(contract: MessageContract<P>, payload: P, actor: Actor = OPERATOR): Envelope<P> {
    return createEnvelope(contract, payload, { correlationId: CASE, causationId: CASE, region: actor.region, actor });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createServiceDataSource({ url: db.url, schema: 'intake', entities: [], migrations: [MessagingTables1732300000000, AuditLogTable1732300000700, AuditLinkedAfterCommit1732300000900] });
    await initializeAndMigrate(ds);
    prefix = testPrefix();
    // identity-check's queue, with a handler that fails until the fault is mended.
    consumer = new Messaging({ url: AMQP_URL, service: 'identity-check', prefix, dataSource: ds, logger: quiet, retry: FAST_RETRY });
    consumer.subscribe('events', [
      on(CaseReceivedV1, async (envelope) => {
        if (broken) throw new Error('a bug that fails the same way every time');
        handled.push(envelope.id);
      }),
    ]);
    await consumer.start();
    // intake's request queue (and its dead-letter queue) exists as it does in the running system.
    intakeRpc = new Messaging({ url: AMQP_URL, service: 'intake', prefix, logger: quiet });
    intakeRpc.serve([]);
    await intakeRpc.start();
    service = new DeadLettersService(new Messaging({ url: AMQP_URL, service: 'intake', prefix, logger: quiet }), ds);
  });

  afterAll(async () => {
    await consumer?.close();
    await intakeRpc?.close();
    await deleteTopology(prefix, [`${prefix}identity-check.events`, `${prefix}intake.rpc`], AMQP_URL, FAST_RETRY.delaysMs);
    await ds?.destroy();
    await db?.drop();
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
    const reply = await service.list(ask(ListDeadLettersV1, filter));
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
    const shown = await service.show(ask(ShowDeadLetterV1, { messageId: received.id }));
    expect(shown.ok).toBe(true);
    const text = JSON.stringify(shown);
    expect(text).not.toContain(PNR);
    expect(text).toContain('[personnummer]');
    const desk: Actor = { ...OPERATOR, roles: ['service_desk'] };
    const refused = await service.list(ask(ListDeadLettersV1, {}, desk));
    expect(refused).toMatchObject({ ok: false, problem: { status: 403 } });
  });

  it('replays only when told which (or all), sends the letter back to its queue, where it now has its effect once', async () => {
    const vague = await service.replay(ask(ReplayDeadLettersV1, {}));
    expect(vague).toMatchObject({ ok: false, problem: { status: 422 } });

    broken = false; // the fault is mended
    const replayed = await service.replay(ask(ReplayDeadLettersV1, { caseId: CASE }));
    expect(replayed.ok && replayed.body.replayed.map((d) => d.messageId)).toEqual([received.id]);
    await pollUntil(() => handled.length === 1, { what: 'the replayed message handled' });
    expect(handled).toEqual([received.id]);
    expect((await list()).items).toHaveLength(0);

  });

  it('purges request/reply dead letters', async () => {
    await publishRaw(`${prefix}accessdesk.dlx`, `${prefix}intake.rpc`, { stale: 'request' });
    await pollUntil(async () => (await list({ queue: 'intake.rpc' })).items.length === 1, { what: 'the request dead letter' });
    const purged = await service.purge(ask(PurgeDeadLettersV1, { queue: 'intake.rpc' }));
    expect(purged).toEqual({ ok: true, body: { purged: 1 } });
    expect((await list({ queue: 'intake.rpc' })).items).toHaveLength(0);
  });

  it('records every read, replay and purge in the audit trail, the replay under its case', async () => {
    const rows: Array<{ action: string; case_id: string | null; actor: Actor; detail: string }> = await ds.query(
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
