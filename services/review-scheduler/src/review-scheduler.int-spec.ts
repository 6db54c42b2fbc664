import { randomUUID } from 'node:crypto';
import { CaseConcludedV1, Envelope, ReviewScheduledV1, systemActor } from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { ServiceHarness, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { ReviewSchedulerConfig } from './review-scheduler.config';

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
function startReviewScheduler(reviewPeriod: string): Promise<ServiceHarness> {
  return startServiceUnderTest({
    appModule: AppModule.forRoot,
    configClass: ReviewSchedulerConfig,
    env: { REVIEW_PERIOD: reviewPeriod },
    observe: [ReviewScheduledV1],
  });
}

function scheduled(harness: ServiceHarness, caseId: string): Promise<Envelope<ReviewScheduledV1>> {
  return harness.waitFor(ReviewScheduledV1, (s) => s.payload.caseId === caseId, { what: 'review-scheduler.review.scheduled.v1' });
}

async function reviewsOf(harness: ServiceHarness, caseId: string): Promise<Array<Record<string, unknown>>> {
  return harness.dataSource.query(`SELECT * FROM review_scheduler.reviews WHERE case_id = $1`, [caseId]);
}

/** The messages the service published about the case. */
async function publishedFor(harness: ServiceHarness, caseId: string): Promise<number> {
  const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM review_scheduler.outbox WHERE envelope->'payload'->>'caseId' = $1`, [caseId]);
  return n;
}

describe('review-scheduler against the real broker and database', () => {
  describe('with the default review period of three months', () => {
    let harness: ServiceHarness;
    beforeAll(async () => {
      harness = await startReviewScheduler('P3M');
    });
    afterAll(() => harness?.close());

    it('schedules the review of an executed lock three calendar months after it was concluded, once', async () => {
      const payload = concluded();
      const envelope = envelopeOf(payload);
      await harness.publish(envelope);

      const event = await scheduled(harness, payload.caseId);
      // 30 November + 3 months: February has no 30th, so the last day of February.
      expect(event.payload).toMatchObject({ caseId: payload.caseId, dueAt: '2027-02-28T09:05:00.000Z' });
      expect(event).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:review-scheduler' } });

      const [review] = await reviewsOf(harness, payload.caseId);
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
      await harness.publish(again);
      await harness.handled(again);
      expect(await reviewsOf(harness, payload.caseId)).toHaveLength(1);
      expect(await publishedFor(harness, payload.caseId)).toBe(1);
    });

    it.each([
      ['an executed unlock', { caseType: 'LOGIN_UNLOCK' as const }],
      ['an executed seal', { caseType: 'JOURNAL_SEAL' as const }],
      ['a lock without a 1177 account', { outcome: 'NOT_APPLICABLE' as const }],
      ['a failed lock', { outcome: 'FAILED' as const }],
    ])('schedules nothing for %s', async (_what, overrides) => {
      const payload = concluded(overrides);
      const envelope = envelopeOf(payload);
      await harness.publish(envelope);
      await harness.handled(envelope);
      expect(await reviewsOf(harness, payload.caseId)).toHaveLength(0);
      expect(await publishedFor(harness, payload.caseId)).toBe(0);
    });
  });

  describe('with REVIEW_PERIOD=PT5S', () => {
    let harness: ServiceHarness;
    beforeAll(async () => {
      harness = await startReviewScheduler('PT5S');
    });
    afterAll(() => harness?.close());

    it('schedules the review five seconds after the lock was concluded', async () => {
      const payload = concluded({ concludedAt: '2026-11-20T09:05:00.000Z' });
      await harness.publish(envelopeOf(payload));
      const event = await scheduled(harness, payload.caseId);
      expect(event.payload.dueAt).toBe('2026-11-20T09:05:05.000Z');
      const [review] = await reviewsOf(harness, payload.caseId);
      expect((review.due_at as Date).getTime() - (review.executed_at as Date).getTime()).toBe(5_000);
    });
  });
});
