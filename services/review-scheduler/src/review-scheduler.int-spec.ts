import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CaseConcludedV1, Envelope, ReviewScheduledV1, systemActor } from '@accessdesk/contracts';
import {
  DEFAULT_AMQP_URL,
  Messaging,
  MessagingLogger,
  MessagingTables1732300000000,
  createEnvelope,
  deleteTopology,
  on,
  testPrefix,
} from '@accessdesk/messaging';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { loadConfig } from '@accessdesk/platform';
import { TestDatabase, createTestDatabase, pollUntil } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { ReviewSchedulerConfig } from './review-scheduler.config';

const AMQP_URL = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

function concluded(overrides: Partial<CaseConcludedV1> = {}): CaseConcludedV1 {
  return {
    caseId: randomUUID(),
    registryNumber: 'VGR-2026-000011',
    caseType: 'LOGIN_LOCK',
    outcome: 'EXECUTED',
    concludedAt: '2026-11-30T09:05:00.000Z',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: 'chef@vc-aby.example.se' },
    decidedByHsaId: 'SE2321000131-E000000000011',
    effects: [],
    advice: [],
    ...overrides,
  };
}

function envelopeOf(payload: CaseConcludedV1): Envelope<CaseConcludedV1> {
  return createEnvelope(CaseConcludedV1, payload, {
    correlationId: payload.caseId,
    causationId: payload.caseId,
    region: 'VGR',
    actor: systemActor('intake', 'VGR'),
  });
}

/** The service with a given review period, and a driver standing in for intake. */
class Harness {
  db!: TestDatabase;
  prefix = testPrefix();
  app!: INestApplication;
  driverDs!: DataSource;
  driver!: Messaging;
  readonly scheduled: Envelope<ReviewScheduledV1>[] = [];

  async start(reviewPeriod: string): Promise<void> {
    this.db = await createTestDatabase();
    const config = loadConfig(ReviewSchedulerConfig, { DATABASE_URL: this.db.url, AMQP_URL, AMQP_PREFIX: this.prefix, REVIEW_PERIOD: reviewPeriod });
    this.driverDs = createServiceDataSource({ url: this.db.url, schema: 'test_driver', entities: [], migrations: [MessagingTables1732300000000] });
    await initializeAndMigrate(this.driverDs);
    this.driver = new Messaging({ url: AMQP_URL, service: 'test-driver', prefix: this.prefix, dataSource: this.driverDs, logger: quiet, relayPollMs: 50 });
    this.driver.subscribe('events', [
      on(ReviewScheduledV1, async (envelope) => {
        this.scheduled.push(envelope);
      }),
    ]);
    await this.driver.start();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    this.app = moduleRef.createNestApplication({ logger: false });
    await this.app.init();
  }

  async stop(): Promise<void> {
    const queues = [...(this.app ? this.app.get(Messaging).declaredQueues() : []), ...(this.driver ? this.driver.declaredQueues() : [])];
    await this.app?.close();
    await this.driver?.close();
    await this.driverDs?.destroy();
    await deleteTopology(this.prefix, queues);
    await this.db?.drop();
  }

  async send(envelope: Envelope<CaseConcludedV1>): Promise<void> {
    await this.driver.transaction((m) => this.driver.publish(m, envelope));
  }

  async handled(envelope: Envelope<CaseConcludedV1>): Promise<void> {
    await pollUntil(
      async () => (await this.driverDs.query(`SELECT 1 FROM review_scheduler.inbox WHERE message_id = $1`, [envelope.id])).length === 1,
      { what: `message ${envelope.id} to be handled` },
    );
  }

  scheduledFor(caseId: string): Envelope<ReviewScheduledV1>[] {
    return this.scheduled.filter((s) => s.payload.caseId === caseId);
  }

  async reviewsOf(caseId: string): Promise<Array<Record<string, unknown>>> {
    return this.driverDs.query(`SELECT * FROM review_scheduler.reviews WHERE case_id = $1`, [caseId]);
  }
}

describe('review-scheduler against the real broker and database', () => {
  describe('with the default review period of three months', () => {
    const harness = new Harness();
    beforeAll(() => harness.start('P3M'));
    afterAll(() => harness.stop());

    it('schedules the review of an executed lock three calendar months after it was concluded, once', async () => {
      const payload = concluded();
      const envelope = envelopeOf(payload);
      await harness.send(envelope);

      const event = await pollUntil(() => harness.scheduledFor(payload.caseId)[0], { what: 'review-scheduler.review.scheduled.v1' });
      // 30 November + 3 months: February has no 30th, so the last day of February.
      expect(event.payload).toMatchObject({ caseId: payload.caseId, dueAt: '2027-02-28T09:05:00.000Z' });
      expect(event).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:review-scheduler' } });

      const [review] = await harness.reviewsOf(payload.caseId);
      expect(review).toMatchObject({
        id: event.payload.reviewId,
        region: 'VGR',
        registry_number: 'VGR-2026-000011',
        requesting_unit_hsa_id: 'SE2321000131-E000000000001',
        head_email: 'chef@vc-aby.example.se',
        decided_by_hsa_id: 'SE2321000131-E000000000011',
        status: 'SCHEDULED',
        reminded_at: null,
        escalated_at: null,
      });
      expect((review.executed_at as Date).toISOString()).toBe('2026-11-30T09:05:00.000Z');
      expect((review.due_at as Date).toISOString()).toBe('2027-02-28T09:05:00.000Z');

      // The same case concluded again, in a new message: nothing more is scheduled.
      const again = envelopeOf(payload);
      await harness.send(again);
      await harness.handled(again);
      expect(await harness.reviewsOf(payload.caseId)).toHaveLength(1);
      const [{ n }] = await harness.driverDs.query(
        `SELECT count(*)::int AS n FROM review_scheduler.outbox WHERE envelope->'payload'->>'caseId' = $1`,
        [payload.caseId],
      );
      expect(n).toBe(1);
    });

    it.each([
      ['an executed unlock', { caseType: 'LOGIN_UNLOCK' as const }],
      ['an executed seal', { caseType: 'JOURNAL_SEAL' as const }],
      ['a lock without a 1177 account', { outcome: 'NOT_APPLICABLE' as const }],
      ['a failed lock', { outcome: 'FAILED' as const }],
    ])('schedules nothing for %s', async (_what, overrides) => {
      const payload = concluded(overrides);
      const envelope = envelopeOf(payload);
      await harness.send(envelope);
      await harness.handled(envelope);
      expect(await harness.reviewsOf(payload.caseId)).toHaveLength(0);
      const [{ n }] = await harness.driverDs.query(
        `SELECT count(*)::int AS n FROM review_scheduler.outbox WHERE envelope->'payload'->>'caseId' = $1`,
        [payload.caseId],
      );
      expect(n).toBe(0);
    });
  });

  describe('with REVIEW_PERIOD=PT5S', () => {
    const harness = new Harness();
    beforeAll(() => harness.start('PT5S'));
    afterAll(() => harness.stop());

    it('schedules the review five seconds after the lock was concluded', async () => {
      const payload = concluded({ concludedAt: '2026-11-20T09:05:00.000Z' });
      await harness.send(envelopeOf(payload));
      const event = await pollUntil(() => harness.scheduledFor(payload.caseId)[0], { what: 'review-scheduler.review.scheduled.v1' });
      expect(event.payload.dueAt).toBe('2026-11-20T09:05:05.000Z');
      const [review] = await harness.reviewsOf(payload.caseId);
      expect((review.due_at as Date).getTime() - (review.executed_at as Date).getTime()).toBe(5_000);
    });
  });
});
