import { DynamicModule, Module } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { Envelope, RpcReply, StaffRole, problem } from '@accessdesk/contracts';
import { Registry } from 'prom-client';
import { DEATH_HEADERS, createEnvelope, drainMessages, readyMessages } from '@accessdesk/messaging';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { BaseServiceConfig } from '../config';
import { METRICS_REGISTRY } from '../metrics.controller';
import { ServiceRuntimeModule } from '../service-runtime.module';
import { MessageContext } from './message-context';
import { MessageHandlers } from './message-handlers.decorator';
import { InboxTransaction, Message } from './message-patterns';
import { ProblemException } from './problem.exception';
import { ForRoles } from './roles.guard';

const SERVICE = 'transport-test';
const SCHEMA = 'transport_test';

/** "Case X reached step N"; step 2 is one the second handler cannot take. */
class StepReachedV1 {
  static readonly type = 'transport-test.step-reached.v1';
  @IsUUID() caseId!: string;
  @IsInt() @Min(1) step!: number;
}

/** A notice of a kind; each handler wants one kind (`when`), and nobody wants `C`. */
class NoticeV1 {
  static readonly type = 'transport-test.notice.v1';
  @IsUUID() caseId!: string;
  @IsIn(['A', 'B', 'C']) kind!: 'A' | 'B' | 'C';
}

class AskV1 {
  static readonly type = 'transport-test.ask.v1';
  @IsInt() n!: number;
}

class Effects1732300009901 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${SCHEMA}".effects (id bigserial PRIMARY KEY, case_id uuid NOT NULL, handler text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

/** A request the test holds (n = 99) until it lets it go. */
const held = { inProgress: 0, release: (): void => undefined };

/** What the handlers saw, outside any transaction. */
const seen = { calls: [] as string[], afterCommit: [] as Array<{ caseId: string; effectsVisible: number }>, asks: new Map<number, number>() };

async function effects(ds: DataSource, caseId: string): Promise<string[]> {
  const rows: Array<{ handler: string }> = await ds.query(`SELECT handler FROM "${SCHEMA}".effects WHERE case_id = $1 ORDER BY id`, [caseId]);
  return rows.map((r) => r.handler);
}

@MessageHandlers()
class FirstStepHandler {
  constructor(private readonly dataSource: DataSource) {}

  @EventPattern(StepReachedV1.type, { contract: StepReachedV1, queue: 'events' })
  async handle(@Payload() step: StepReachedV1, @InboxTransaction() manager: EntityManager, @Ctx() context: MessageContext): Promise<void> {
    seen.calls.push(`first:${step.caseId}`);
    await manager.query(`INSERT INTO "${SCHEMA}".effects (case_id, handler) VALUES ($1, 'first')`, [step.caseId]);
    // Runs once the inbox transaction committed: the effects are visible from another connection.
    context.afterCommit(() => {
      void effects(this.dataSource, step.caseId).then((found) => seen.afterCommit.push({ caseId: step.caseId, effectsVisible: found.length }));
    });
  }
}

@MessageHandlers()
class SecondStepHandler {
  @EventPattern(StepReachedV1.type, { contract: StepReachedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<StepReachedV1>, @InboxTransaction() manager: EntityManager): Promise<void> {
    seen.calls.push(`second:${envelope.payload.caseId}`);
    await manager.query(`INSERT INTO "${SCHEMA}".effects (case_id, handler) VALUES ($1, 'second')`, [envelope.payload.caseId]);
    if (envelope.payload.step === 2) throw new Error('step 2 cannot be taken');
  }
}

@MessageHandlers()
class NoticeAHandler {
  @EventPattern(NoticeV1.type, { contract: NoticeV1, queue: 'events', when: (notice: NoticeV1) => notice.kind === 'A' })
  async handle(@Payload() notice: NoticeV1): Promise<void> {
    seen.calls.push(`notice-a:${notice.caseId}${held.inProgress > 0 ? ':while-a-request-was-handled' : ''}`);
  }
}

@MessageHandlers()
class NoticeBHandler {
  @EventPattern(NoticeV1.type, { contract: NoticeV1, queue: 'events', when: (notice: NoticeV1) => notice.kind === 'B' })
  async handle(@Payload() notice: NoticeV1): Promise<void> {
    seen.calls.push(`notice-b:${notice.caseId}`);
  }
}

@MessageHandlers()
class AskHandler {
  @MessagePattern(AskV1.type, { contract: AskV1, queue: 'rpc' })
  @ForRoles(['auditor'])
  async answer(@Payload() ask: AskV1): Promise<RpcReply<{ twice: number }>> {
    const tries = (seen.asks.get(ask.n) ?? 0) + 1;
    seen.asks.set(ask.n, tries);
    if (ask.n === 99) {
      held.inProgress++;
      await new Promise<void>((resolve) => (held.release = resolve));
      held.inProgress--;
    }
    if (ask.n === 13) throw new ProblemException(problem('unlucky', 422, 'Unlucky number'));
    // 7 fails on its first try only: the request is tried again while the caller waits.
    if (ask.n === 7 && tries === 1) throw new Error('first try fails');
    return { ok: true, body: { twice: ask.n * 2 } };
  }
}

class TransportTestConfig extends BaseServiceConfig {}

@Module({})
class TransportTestModule {
  static forRoot(config: TransportTestConfig): DynamicModule {
    return {
      module: TransportTestModule,
      imports: [ServiceRuntimeModule.forRoot({ service: SERVICE, config, entities: [], migrations: [Effects1732300009901] })],
      controllers: [FirstStepHandler, SecondStepHandler, NoticeAHandler, NoticeBHandler, AskHandler],
    };
  }
}

describe('MessagingTransport: @EventPattern and @MessagePattern handlers over libs/messaging', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceUnderTest({
      appModule: TransportTestModule.forRoot,
      configClass: TransportTestConfig,
      // An event waits for requests being handled for up to 30 s here, longer than any test holds one.
      env: { MESSAGE_RETRY_DELAYS_MS: '50,100', MESSAGE_RETRY_FOR_MS: '2000', EVENT_YIELD_MS: '30000' },
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const meta = (caseId: string, roles: StaffRole[] = []) => ({
    correlationId: caseId,
    causationId: caseId,
    region: 'VGR',
    actor: { sub: 'SE2321000131-E000000000001', name: 'Test Person', region: 'VGR', roles },
  });

  it('runs every handler of a message type, in the order declared, in one inbox transaction, and what they asked after the commit', async () => {
    const caseId = randomUUID();
    const message = createEnvelope(StepReachedV1, { caseId, step: 1 }, meta(caseId));
    await harness.publish(message);
    await harness.handled(message);
    expect(await effects(harness.dataSource, caseId)).toEqual(['first', 'second']);
    const after = await pollUntil(() => seen.afterCommit.find((a) => a.caseId === caseId), { what: 'the after-commit work' });
    expect(after.effectsVisible).toBe(2);
  });

  it('rolls back the whole transaction when one handler fails: the first handler’s effect is gone too, and the message ends in the dead-letter queue', async () => {
    const caseId = randomUUID();
    await harness.publish(createEnvelope(StepReachedV1, { caseId, step: 2 }, meta(caseId)));
    const dead = await pollUntil(
      async () => (await drainMessages(`${harness.prefix}${SERVICE}.events.dlq`)).find((m) => JSON.parse(m.content.toString()).payload.caseId === caseId),
      { what: 'the failing message in the dead-letter queue', timeoutMs: 20_000 },
    );
    expect(String(dead.headers[DEATH_HEADERS.reason])).toContain('step 2 cannot be taken');
    expect(seen.calls.filter((c) => c === `second:${caseId}`).length).toBeGreaterThan(1);
    expect(await effects(harness.dataSource, caseId)).toEqual([]);
    expect(seen.afterCommit.some((a) => a.caseId === caseId)).toBe(false);
  });

  it('validates the payload before any handler runs: an invalid message goes to the dead-letter queue at once, untried', async () => {
    const caseId = randomUUID();
    await harness.publish(createEnvelope(StepReachedV1, { caseId, step: 0 }, meta(caseId)));
    const dead = await pollUntil(
      async () => (await drainMessages(`${harness.prefix}${SERVICE}.events.dlq`)).find((m) => JSON.parse(m.content.toString()).payload.caseId === caseId),
      { what: 'the invalid message in the dead-letter queue' },
    );
    expect(String(dead.headers[DEATH_HEADERS.reason])).toMatch(/^invalid: .*step/);
    expect(dead.headers[DEATH_HEADERS.failures]).toBe(0);
    expect(seen.calls.filter((c) => c.endsWith(caseId))).toEqual([]);
  });

  it('runs only the handlers that want a message (`when`), and acknowledges one that none wants without a transaction', async () => {
    const [a, b, c, later] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const notices = [createEnvelope(NoticeV1, { caseId: a, kind: 'A' }, meta(a)), createEnvelope(NoticeV1, { caseId: b, kind: 'B' }, meta(b))];
    for (const notice of notices) await harness.publish(notice);
    for (const notice of notices) await harness.handled(notice);
    expect(seen.calls.filter((call) => call.endsWith(a) || call.endsWith(b))).toEqual(expect.arrayContaining([`notice-a:${a}`, `notice-b:${b}`]));
    expect(seen.calls.filter((call) => call.endsWith(a) || call.endsWith(b))).toHaveLength(2);
    // A message nobody wants is settled as it is delivered, before anything is awaited; so once a
    // message published after it has been handled, it has been settled too.
    const unwanted = createEnvelope(NoticeV1, { caseId: c, kind: 'C' }, meta(c));
    const after = createEnvelope(NoticeV1, { caseId: later, kind: 'A' }, meta(later));
    await harness.publish(unwanted);
    await harness.publish(after);
    await harness.handled(after);
    const inbox = await harness.dataSource.query(`SELECT 1 FROM "${SCHEMA}".inbox WHERE message_id = $1`, [unwanted.id]);
    expect(inbox).toEqual([]);
    expect(seen.calls.filter((call) => call.endsWith(c))).toEqual([]);
    const dead = await drainMessages(`${harness.prefix}${SERVICE}.events.dlq`);
    expect(dead.filter((m) => JSON.parse(m.content.toString()).payload.caseId === c)).toEqual([]);
  });

  it('handles an event that arrives while a request is being handled once the request is answered (requests first)', async () => {
    const caseId = randomUUID();
    const request = harness.driver.request<AskV1, { twice: number }>(SERVICE, AskV1, { n: 99 }, meta(caseId, ['auditor']));
    await pollUntil(() => held.inProgress === 1, { what: 'the request being handled' });
    const notice = createEnvelope(NoticeV1, { caseId, kind: 'A' }, meta(caseId));
    await harness.publish(notice);
    // Delivered to the service (no longer ready in its queue), and held back while the request runs.
    await pollUntil(async () => (await readyMessages(`${harness.prefix}${SERVICE}.events`)) === 0, { what: 'the event delivered' });
    held.release();
    expect(await request).toEqual({ ok: true, body: { twice: 198 } });
    await harness.handled(notice);
    expect(seen.calls.filter((call) => call.includes(caseId))).toEqual([`notice-a:${caseId}`]);
  });

  it('answers a request, refuses a role the handler does not allow with a problem, and answers a thrown problem as its reply', async () => {
    const caseId = randomUUID();
    const ask = (n: number, roles: StaffRole[]) => harness.driver.request<AskV1, { twice: number }>(SERVICE, AskV1, { n }, meta(caseId, roles));
    expect(await ask(21, ['auditor'])).toEqual({ ok: true, body: { twice: 42 } });
    expect(await ask(22, ['clinician'])).toEqual({ ok: false, problem: expect.objectContaining({ type: 'https://accessdesk.se/problems/role-not-allowed', status: 403 }) });
    expect(seen.asks.has(22)).toBe(false);
    expect(await ask(13, ['auditor'])).toEqual({ ok: false, problem: expect.objectContaining({ type: 'https://accessdesk.se/problems/unlucky', status: 422 }) });
    expect(seen.asks.get(13)).toBe(1);
  });

  it('tries a request whose handler failed again while its caller waits', async () => {
    const reply = await harness.driver.request<AskV1, { twice: number }>(SERVICE, AskV1, { n: 7 }, meta(randomUUID(), ['auditor']));
    expect(reply).toEqual({ ok: true, body: { twice: 14 } });
    expect(seen.asks.get(7)).toBe(2);
  });

  it('counts handled messages by type and outcome in the service’s metrics', async () => {
    const metrics = await harness.app.get<Registry>(METRICS_REGISTRY).metrics();
    expect(metrics).toMatch(/accessdesk_message_handler_seconds_count\{[^}]*type="transport-test.step-reached.v1"[^}]*outcome="ok"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/accessdesk_message_handler_seconds_count\{[^}]*type="transport-test.step-reached.v1"[^}]*outcome="failed"[^}]*\} [1-9]/);
  });
});
