import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IsInt, IsUUID, Min } from 'class-validator';
import { connect } from 'amqplib';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { Envelope, RpcReply, problem, systemActor } from '@accessdesk/contracts';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { TestDatabase, createTestDatabase, pollUntil } from '@accessdesk/testing';
import { on } from './consumer';
import { createEnvelope } from './envelope';
import { DEFAULT_AMQP_URL, deleteTopology, drainMessages, drainQueue, testPrefix } from './inspect';
import { TransientError } from './errors';
import { DEATH_HEADERS, RetryPolicy } from './retry';
import { Messaging } from './messaging';
import { MessagingTables1732300000000 } from './messaging-tables.migration';
import { RpcUnavailableError, answer, RpcTimeoutError } from './rpc';
import { MessagingLogger } from './logger';

const AMQP_URL = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
const SCHEMA = 'messaging_test';

/** A toy message: "case X reached step N". */
class StepReachedV1 {
  static readonly type = 'test.step.reached.v1';
  @IsUUID() caseId!: string;
  @IsInt() @Min(1) step!: number;
}

class AskV1 {
  static readonly type = 'test.ask.v1';
  @IsInt() n!: number;
}

class Effects1732300000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".effects (id bigserial PRIMARY KEY, case_id uuid NOT NULL, step int NOT NULL)`);
    await q.query(`CREATE TABLE "${SCHEMA}".progress (case_id uuid PRIMARY KEY, step int NOT NULL)`);
  }
  async down(): Promise<void> {}
}

const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
/** Short delays, so that a test sees many retries in a second; the shape is production's. */
const FAST_RETRY: RetryPolicy = { delaysMs: [50, 100, 200], retryForMs: 3_000, permanentAttempts: 3 };
const actor = systemActor('test', 'VGR');
const CASE = '8f0e1c4e-4a57-4c0e-9a43-0f3d1f6f0a11';

function meta(caseId = CASE) {
  return { correlationId: caseId, causationId: caseId, region: 'VGR', actor };
}

async function countEffects(ds: DataSource, caseId = CASE): Promise<number> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".effects WHERE case_id = $1`, [caseId]);
  return n;
}

/** Publishes a raw body on the events exchange, as a misbehaving producer would. */
async function publishRaw(prefix: string, routingKey: string, body: string | object): Promise<void> {
  const conn = await connect(AMQP_URL);
  const ch = await conn.createConfirmChannel();
  const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  ch.publish(`${prefix}accessdesk.events`, routingKey, content, { persistent: true });
  await ch.waitForConfirms();
  await conn.close();
}

describe('messaging against the real broker and database', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let prefix: string;
  let producer: Messaging;
  let consumer: Messaging;
  let failing = new Set<number>();
  /** Steps whose handler fails transiently, and how many more times. */
  let outage = new Map<number, number>();
  let asked = 0;
  const queues: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createServiceDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: [MessagingTables1732300000000, Effects1732300000001] });
    await initializeAndMigrate(ds);
  });

  beforeEach(async () => {
    prefix = testPrefix();
    failing = new Set();
    outage = new Map();
    asked = 0;
    producer = new Messaging({ url: AMQP_URL, service: 'producer', prefix, dataSource: ds, logger: quiet, relayPollMs: 50 });
    consumer = new Messaging({ url: AMQP_URL, service: 'consumer', prefix, dataSource: ds, logger: quiet, deliveryLimit: 2, retry: FAST_RETRY });
    consumer.subscribe('events', [
      on(StepReachedV1, async (_env: Envelope<StepReachedV1>, p: StepReachedV1, m: EntityManager) => {
        // Written first, so that the failure below must roll it back.
        await m.query(`INSERT INTO "${SCHEMA}".effects (case_id, step) VALUES ($1, $2)`, [p.caseId, -p.step]);
        const left = outage.get(p.step) ?? 0;
        if (left > 0) {
          outage.set(p.step, left - 1);
          throw new TransientError(`register down for step ${p.step}`);
        }
        await m.query(`DELETE FROM "${SCHEMA}".effects WHERE case_id = $1 AND step = $2`, [p.caseId, -p.step]);
        if (failing.has(p.step)) throw new Error(`step ${p.step} always fails`);
        await m.query(`INSERT INTO "${SCHEMA}".effects (case_id, step) VALUES ($1, $2)`, [p.caseId, p.step]);
        // A state only moves forward: an older step arriving late changes nothing.
        await m.query(
          `INSERT INTO "${SCHEMA}".progress (case_id, step) VALUES ($1, $2)
           ON CONFLICT (case_id) DO UPDATE SET step = GREATEST(progress.step, EXCLUDED.step)`,
          [p.caseId, p.step],
        );
      }),
    ]);
    consumer.serve([
      answer(AskV1, async (_env, p: AskV1): Promise<RpcReply<{ twice: number }>> => {
        asked += 1;
        if (p.n === 13) throw new TransientError('database down');
        return p.n < 0 ? { ok: false, problem: problem('negative', 422, 'Negative') } : { ok: true, body: { twice: p.n * 2 } };
      }),
    ]);
    await consumer.start();
    await producer.start();
    queues.push(...consumer.declaredQueues());
    await ds.query(`TRUNCATE "${SCHEMA}".effects, "${SCHEMA}".progress, "${SCHEMA}".outbox, "${SCHEMA}".inbox`);
  });

  afterEach(async () => {
    await producer.close();
    await consumer.close();
    await deleteTopology(prefix, queues.splice(0), AMQP_URL, FAST_RETRY.delaysMs);
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('publishes a message committed while the relay was stopped once the relay runs', async () => {
    await producer.outboxRelay!.stop();
    await producer.transaction(async (m) => producer.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId: CASE, step: 1 }, meta())));
    const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM "${SCHEMA}".outbox WHERE published_at IS NULL`);
    expect(pending).toBe(1);
    expect(await countEffects(ds)).toBe(0);

    producer.outboxRelay!.start();
    await pollUntil(async () => (await countEffects(ds)) === 1, { what: 'the effect' });
    const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM "${SCHEMA}".outbox WHERE published_at IS NULL`);
    expect(left).toBe(0);
  });

  it('publishes each outbox row once when two instances relay the same outbox', async () => {
    const twin = new Messaging({ url: AMQP_URL, service: 'producer', prefix, dataSource: ds, logger: quiet, relayPollMs: 20 });
    await twin.start();
    const conn = await connect(AMQP_URL);
    try {
      const ch = await conn.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      await ch.bindQueue(queue, `${prefix}accessdesk.events`, StepReachedV1.type);
      const cases = Array.from({ length: 60 }, (_, i) => `8f0e1c4e-4a57-4c0e-9a43-${String(i).padStart(12, '0')}`);
      // Commits from both instances, interleaved, each waking its own relay.
      await Promise.all(
        cases.map((caseId, i) => {
          const via = i % 2 ? producer : twin;
          return via.transaction((m) => via.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId, step: 1 }, meta(caseId))));
        }),
      );
      // A row is marked published only after the broker confirmed it, so once no row is left every
      // publication (a double one too) is already in the queue.
      await pollUntil(async () => {
        const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM "${SCHEMA}".outbox WHERE published_at IS NULL`);
        return left === 0;
      }, { what: 'the outbox to empty' });
      const ids: string[] = [];
      for (let msg = await ch.get(queue); msg; msg = await ch.get(queue)) {
        ids.push(JSON.parse(msg.content.toString()).id);
        ch.ack(msg);
      }
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
    } finally {
      await conn.close();
      await twin.close();
    }
  });

  it('gives a redelivered message no second effect', async () => {
    const envelope = createEnvelope(StepReachedV1, { caseId: CASE, step: 1 }, meta());
    const follower = createEnvelope(StepReachedV1, { caseId: CASE, step: 2 }, meta());
    // The same message id three times, as after a lost ack or a relay that published twice.
    await publishRaw(prefix, StepReachedV1.type, envelope);
    await publishRaw(prefix, StepReachedV1.type, envelope);
    await publishRaw(prefix, StepReachedV1.type, envelope);
    await publishRaw(prefix, StepReachedV1.type, follower);
    await pollUntil(async () => {
      const rows = await ds.query(`SELECT step FROM "${SCHEMA}".effects WHERE case_id = $1 AND step = 2`, [CASE]);
      return rows.length === 1;
    }, { what: 'the follower' });
    expect(await countEffects(ds)).toBe(2);
  });

  it('dead-letters an invalid message at once and goes on with the next', async () => {
    await publishRaw(prefix, StepReachedV1.type, 'not json at all');
    await publishRaw(prefix, StepReachedV1.type, createEnvelope(StepReachedV1, { caseId: 'not-a-uuid', step: 0 }, meta()));
    await publishRaw(prefix, StepReachedV1.type, { ...createEnvelope(StepReachedV1, { caseId: CASE, step: 1 }, meta()), id: 'x' });
    await producer.transaction(async (m) => producer.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId: CASE, step: 3 }, meta())));

    await pollUntil(async () => (await countEffects(ds)) === 1, { what: 'the valid message' });
    const dlq = `${prefix}consumer.events.dlq`;
    const dead: Array<{ content: Buffer; headers: Record<string, unknown> }> = [];
    await pollUntil(async () => {
      dead.push(...(await drainMessages(dlq)));
      return dead.length >= 3;
    }, { what: 'three dead letters' });
    expect(dead.map((m) => m.content.toString())).toContain('not json at all');
    // Each says why it died, for the operator who reads the dead-letter queue; none was retried.
    for (const m of dead) {
      expect(String(m.headers[DEATH_HEADERS.reason])).toMatch(/^(invalid|unreadable): /);
      expect(m.headers[DEATH_HEADERS.failures]).toBe(0);
    }
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".inbox`);
    expect(n).toBe(1);
  });

  it('dead-letters a message whose handler keeps failing after the delivery limit, without blocking the queue', async () => {
    failing.add(7);
    await producer.transaction(async (m) =>
      producer.publishEnvelopes(
        m,
        createEnvelope(StepReachedV1, { caseId: CASE, step: 7 }, meta()),
        createEnvelope(StepReachedV1, { caseId: CASE, step: 8 }, meta()),
      ),
    );
    await pollUntil(async () => (await countEffects(ds)) === 1, { what: 'the healthy message behind the poison one' });
    const dead = await pollUntil(async () => {
      const got = await drainMessages(`${prefix}consumer.events.dlq`);
      return got.length > 0 ? got : undefined;
    }, { what: 'the poison message in the dead-letter queue' });
    expect(dead).toHaveLength(1);
    expect(JSON.parse(dead[0].content.toString()).payload.step).toBe(7);
    expect(dead[0].headers[DEATH_HEADERS.reason]).toBe('failed 3 times: Error: step 7 always fails');
    expect(dead[0].headers[DEATH_HEADERS.queue]).toBe('consumer.events');
    expect(await countEffects(ds)).toBe(1);
  });

  it('waits out a transient failure that outlasts the delivery limit many times over, and then has its effect once', async () => {
    // Ten transient failures in a row: with a delivery limit of 2, handing the message back to its
    // queue would have dead-lettered it after the second.
    outage.set(4, 10);
    await producer.transaction(async (m) => producer.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId: CASE, step: 4 }, meta())));
    await pollUntil(async () => (await countEffects(ds)) === 1, { what: 'the effect after the outage', timeoutMs: 20_000 });
    expect(outage.get(4)).toBe(0);
    const rows = await ds.query(`SELECT step FROM "${SCHEMA}".effects WHERE case_id = $1`, [CASE]);
    expect(rows).toEqual([{ step: 4 }]); // every failed try rolled back
    expect(await drainQueue(`${prefix}consumer.events.dlq`)).toHaveLength(0);
  });

  it('dead-letters a transient failure that lasts longer than the policy’s retry period, saying so', async () => {
    outage.set(5, 1_000);
    await producer.transaction(async (m) => producer.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId: CASE, step: 5 }, meta())));
    const dead = await pollUntil(async () => {
      const got = await drainMessages(`${prefix}consumer.events.dlq`);
      return got.length > 0 ? got : undefined;
    }, { what: 'the message dead-lettered after the retry period', timeoutMs: 20_000 });
    expect(String(dead[0].headers[DEATH_HEADERS.reason])).toMatch(/^transient failure for \d+ s \(\d+ tries\): TransientError: register down for step 5$/);
    expect(await countEffects(ds)).toBe(0);
  });

  it('never moves a state backwards when events of one case arrive out of order', async () => {
    const steps = [3, 1, 4, 2];
    for (const step of steps) await publishRaw(prefix, StepReachedV1.type, createEnvelope(StepReachedV1, { caseId: CASE, step }, meta()));
    await pollUntil(async () => (await countEffects(ds)) === 4, { what: 'all four events' });
    const [{ step }] = await ds.query(`SELECT step FROM "${SCHEMA}".progress WHERE case_id = $1`, [CASE]);
    expect(step).toBe(4);
  });

  it('answers requests, passes problems through, and fails fast or times out when nobody answers', async () => {
    await expect(producer.request('consumer', AskV1, { n: 21 }, meta())).resolves.toEqual({ ok: true, body: { twice: 42 } });
    const refused = await producer.request('consumer', AskV1, { n: -1 }, meta());
    expect(refused).toMatchObject({ ok: false, problem: { status: 422 } });
    await expect(producer.request('nobody', AskV1, { n: 1 }, meta(), 2_000)).rejects.toBeInstanceOf(RpcUnavailableError);
    await consumer.close();
    await expect(producer.request('consumer', AskV1, { n: 1 }, meta(), 300)).rejects.toBeInstanceOf(RpcTimeoutError);
  });

  it('answers a request whose handler keeps failing with a 503 problem that says it may have been registered, before the caller gives up', async () => {
    const started = Date.now();
    const reply = await producer.request('consumer', AskV1, { n: 13 }, meta(), 1_500);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(reply).toMatchObject({ ok: false, problem: { status: 503, type: expect.stringMatching(/service-unavailable$/) } });
    expect(reply.ok ? '' : reply.problem.detail).toMatch(/may still have been registered.*same Idempotency-Key/);
    expect(asked).toBeGreaterThan(1); // tried again while the caller waited
    expect(await drainQueue(`${prefix}consumer.rpc.dlq`)).toHaveLength(0);
  });

  it('drops a request whose caller stopped waiting before the service came back: it is never handled', async () => {
    await consumer.close();
    await expect(producer.request('consumer', AskV1, { n: 2 }, meta(), 300)).rejects.toBeInstanceOf(RpcTimeoutError);
    const revived = new Messaging({ url: AMQP_URL, service: 'consumer', prefix, dataSource: ds, logger: quiet, deliveryLimit: 2, retry: FAST_RETRY });
    revived.serve([
      answer(AskV1, async (_env, p: AskV1): Promise<RpcReply<{ twice: number }>> => {
        asked += 1;
        return { ok: true, body: { twice: p.n * 2 } };
      }),
    ]);
    await revived.start();
    try {
      // A fresh request is answered, so the stale one ahead of it in the queue has been dealt with.
      await expect(producer.request('consumer', AskV1, { n: 3 }, meta())).resolves.toEqual({ ok: true, body: { twice: 6 } });
      expect(asked).toBe(1);
      expect(await drainQueue(`${prefix}consumer.rpc.dlq`)).toHaveLength(0);
    } finally {
      await revived.close();
    }
  });

  it('publishes nothing and holds no outbox lock while the broker blocks publishing, says why, and goes on when unblocked', async () => {
    // Only the blocked instance relays this outbox here (producer and consumer share the database,
    // and a commit that writes to the outbox wakes every relay on it).
    await producer.outboxRelay!.stop();
    await consumer.outboxRelay!.stop();
    const said: string[] = [];
    const blockedProducer = new Messaging({
      url: AMQP_URL,
      service: 'producer',
      prefix,
      dataSource: ds,
      relayPollMs: 50,
      logger: { log: (m) => said.push(m), warn: (m) => said.push(m), error: (m) => said.push(m) },
    });
    await blockedProducer.start();
    try {
      // What the broker sends on a memory or disk alarm (connection.blocked); raising a real alarm
      // would hold back every other test's publishing on this broker too.
      blockedProducer.amqpConnection.current!.emit('blocked', 'low on memory');
      expect(blockedProducer.publishingHeldBack()).toBe('low on memory');
      await blockedProducer.transaction(async (m) => blockedProducer.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId: CASE, step: 6 }, meta())));
      await pollUntil(() => said.some((line) => line.includes('outbox relay round failed') && line.includes('low on memory')), { what: 'a relay round held back' });
      expect(await countEffects(ds)).toBe(0);
      // The relay opened no transaction: the row can be locked at once by someone else.
      await ds.transaction(async (m) => {
        const rows = await m.query(`SELECT seq FROM "${SCHEMA}".outbox WHERE published_at IS NULL FOR UPDATE NOWAIT`);
        expect(rows.length).toBeGreaterThan(0);
      });
      blockedProducer.amqpConnection.current!.emit('unblocked');
      expect(blockedProducer.publishingHeldBack()).toBeNull();
      await pollUntil(async () => (await countEffects(ds)) === 1, { what: 'the message after the broker unblocked', timeoutMs: 15_000 });
    } finally {
      await blockedProducer.close();
    }
  });

  it('comes back after the broker drops its connection, and nothing committed meanwhile is lost', async () => {
    await closeBrokerConnections('accessdesk-consumer');
    await closeBrokerConnections('accessdesk-producer');
    await producer.transaction(async (m) => producer.publishEnvelopes(m, createEnvelope(StepReachedV1, { caseId: CASE, step: 5 }, meta())));
    await pollUntil(async () => (await countEffects(ds)) === 1, { what: 'the message after reconnect', timeoutMs: 20_000 });
    // The broker closes a connection a moment after the command returns: wait for both to be back.
    await pollUntil(() => producer.isConnected() && consumer.isConnected(), { what: 'both connections back', timeoutMs: 20_000 });
  });
});

/** Asks the broker to close every connection with the given client-provided name. */
async function closeBrokerConnections(name: string): Promise<void> {
  const run = promisify(execFile);
  const { stdout } = await run('rabbitmqctl', ['-q', 'list_connections', 'pid', 'client_properties']);
  const pids = stdout
    .split('\n')
    .filter((line) => line.includes(`"${name}"`))
    .map((line) => line.split('\t')[0]);
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) await run('rabbitmqctl', ['close_connection', pid, 'test: simulated broker drop']);
}
