import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  Actor,
  CaseConcludedV1,
  Envelope,
  ListReviewsV1,
  MessageContract,
  OverdueStage,
  PaperworkOverdueV1,
  PaperworkPendingV1,
  PaperworkReceivedV1,
  PaperworkReturnedV1,
  PaperworkWaivedV1,
  ReviewDecidedV1,
  ReviewDueV1,
  ReviewOutcome,
  ReviewFilter,
  ReviewList,
  ReviewScheduledV1,
  RpcReply,
  StaffRole,
  systemActor,
} from '@accessdesk/contracts';
import { DEFAULT_AMQP_URL, createEnvelope } from '@accessdesk/messaging';
import { listenForMessages, loadConfig } from '@accessdesk/platform';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { ReviewSchedulerConfig } from './review-scheduler.config';

/** The periods of the test regions file (R24): seconds instead of months and days. */
const SHORT_PERIODS = { reviewPeriod: 'PT1S', reviewEscalationAfter: 'PT2S', paperworkReminderAfter: 'PT1S', paperworkEscalationAfter: 'PT2S' };
const REVIEW_PERIOD_MS = 1_000;
const REVIEW_ESCALATION_AFTER_MS = 2_000;

const UNIT = { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: 'chef@vc-aby.example.se' };

function concluded(overrides: Partial<CaseConcludedV1> = {}): CaseConcludedV1 {
  return {
    caseId: randomUUID(),
    registryNumber: 'VGR-2026-000011',
    caseType: 'LOGIN_LOCK',
    outcome: 'EXECUTED',
    concludedAt: '2026-11-30T09:05:00.000Z',
    requestingUnit: UNIT,
    decidedByHsaId: 'SE2321000131-E000000000011',
    effects: [],
    advice: [],
    ...overrides,
  };
}

/** A message from intake about one case. */
function fromIntake<P extends object & { caseId: string }>(contract: MessageContract<P>, payload: P, region = 'VGR'): Envelope<P> {
  return createEnvelope(contract, payload, { correlationId: payload.caseId, causationId: payload.caseId, region, actor: systemActor('intake', region) });
}

function envelopeOf(payload: CaseConcludedV1, region = 'VGR'): Envelope<CaseConcludedV1> {
  return fromIntake(CaseConcludedV1, payload, region);
}

function decision(review: { reviewId: string; caseId: string }, outcome: ReviewOutcome = 'KEEP_LOCKED', unlockCaseId: string | null = null): ReviewDecidedV1 {
  return { ...review, outcome, decidedBy: 'SE2321000131-E000000000011', decidedAt: new Date().toISOString(), unlockCaseId };
}

function paperworkPending(recordedAt: Date, overrides: Partial<PaperworkPendingV1> = {}): PaperworkPendingV1 {
  return { caseId: randomUUID(), registryNumber: 'VGR-2026-000042', sender: 'STAFF', requestingUnit: UNIT, recordedAt: recordedAt.toISOString(), ...overrides };
}

/** A copy of config/regions.json with every region's periods in seconds (but for `perRegion`); removed with its folder. */
function writeShortRegionsFile(perRegion: Record<string, Partial<typeof SHORT_PERIODS>> = {}): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'review-scheduler-regions-'));
  const file = JSON.parse(readFileSync('config/regions.json', 'utf8')) as { regions: Array<Record<string, unknown> & { code: string }> };
  const path = join(dir, 'regions.json');
  writeFileSync(path, JSON.stringify({ regions: file.regions.map((r) => ({ ...r, ...SHORT_PERIODS, ...perRegion[r.code] })) }));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const OBSERVED = [ReviewScheduledV1, ReviewDueV1, PaperworkOverdueV1];

/** The service with the given variables, and a driver standing in for intake and the gateway. */
function startReviewScheduler(env: Record<string, string>): Promise<ServiceHarness> {
  return startServiceUnderTest({ appModule: AppModule.forRoot, configClass: ReviewSchedulerConfig, env, observe: OBSERVED });
}

/** One more instance of the service on the harness's database and broker prefix (a restart, a second replica). */
async function startInstance(harness: ServiceHarness, env: Record<string, string>): Promise<INestApplication> {
  const config = loadConfig(ReviewSchedulerConfig, {
    DATABASE_URL: harness.db.url,
    AMQP_URL: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
    AMQP_PREFIX: harness.prefix,
    HTTP_PORT: '0',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await listenForMessages(app);
    await app.init();
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

function scheduled(harness: ServiceHarness, caseId: string): Promise<Envelope<ReviewScheduledV1>> {
  return harness.waitFor(ReviewScheduledV1, (s) => s.payload.caseId === caseId, { what: `review of case ${caseId} scheduled` });
}

function reviewDue(harness: ServiceHarness, caseId: string, stage: OverdueStage): Promise<Envelope<ReviewDueV1>> {
  return harness.waitFor(ReviewDueV1, (e) => e.payload.caseId === caseId && e.payload.stage === stage, { what: `review ${stage} of case ${caseId}` });
}

function paperworkOverdue(harness: ServiceHarness, caseId: string, stage: OverdueStage): Promise<Envelope<PaperworkOverdueV1>> {
  return harness.waitFor(PaperworkOverdueV1, (e) => e.payload.caseId === caseId && e.payload.stage === stage, { what: `paperwork ${stage} of case ${caseId}` });
}

/**
 * Rows of the service's tables, read through the driver's connection to the same database: it stays
 * open while instances of the service stop and start.
 */
async function rowsOf(harness: ServiceHarness, table: 'reviews' | 'paperwork_chases', caseId: string): Promise<Array<Record<string, unknown>>> {
  return harness.driverDataSource.query(`SELECT * FROM review_scheduler.${table} WHERE case_id = $1`, [caseId]);
}

async function reviewsOf(harness: ServiceHarness, caseId: string): Promise<Array<Record<string, unknown>>> {
  return rowsOf(harness, 'reviews', caseId);
}

async function reviewOf(harness: ServiceHarness, caseId: string): Promise<Record<string, unknown>> {
  const [review] = await reviewsOf(harness, caseId);
  return review;
}

async function chaseOf(harness: ServiceHarness, caseId: string): Promise<Record<string, unknown> | undefined> {
  const [chase] = await rowsOf(harness, 'paperwork_chases', caseId);
  return chase;
}

/** The messages the service published about the case. */
async function publishedFor(harness: ServiceHarness, caseId: string): Promise<number> {
  const [{ n }] = await harness.driverDataSource.query(`SELECT count(*)::int AS n FROM review_scheduler.outbox WHERE envelope->'payload'->>'caseId' = $1`, [caseId]);
  return n;
}

/** How many messages of `contract` the service committed to its outbox about the case, by stage. */
async function stagesPublished(harness: ServiceHarness, contract: MessageContract, caseId: string): Promise<Record<string, number>> {
  const rows: Array<{ stage: string; n: number }> = await harness.driverDataSource.query(
    `SELECT envelope->'payload'->>'stage' AS stage, count(*)::int AS n FROM review_scheduler.outbox
      WHERE routing_key = $1 AND envelope->'payload'->>'caseId' = $2 GROUP BY 1`,
    [contract.type, caseId],
  );
  return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
}

function staff(roles: StaffRole[], region: string, unit?: string): Actor {
  return { sub: 'SE2321000131-E000000000011', name: 'Dr A', region, roles, ...(unit ? { unit } : {}) };
}

/** `GET /reviews` as the gateway asks it, on behalf of `actor`. */
function listReviews(harness: ServiceHarness, actor: Actor, state?: 'open' | 'all', page: Pick<ReviewFilter, 'limit' | 'cursor'> = {}): Promise<RpcReply<ReviewList>> {
  const id = randomUUID();
  return harness.driver.request<ListReviewsV1, ReviewList>('review-scheduler', ListReviewsV1, { filter: { ...(state ? { state } : {}), ...page } }, { correlationId: id, causationId: id, region: actor.region, actor });
}

function at(value: unknown): number {
  return (value as Date).getTime();
}

describe('review-scheduler against the real broker and database', () => {
  describe('with REVIEW_PERIOD=P3M', () => {
    let harness: ServiceHarness;
    beforeAll(async () => {
      harness = await startReviewScheduler({ REVIEW_PERIOD: 'P3M' });
    });
    afterAll(() => harness?.close());

    it('R9 schedules the review of an executed lock three calendar months after it was concluded, once', async () => {
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
    ])('R9 schedules nothing for %s', async (_what, overrides) => {
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
      harness = await startReviewScheduler({ REVIEW_PERIOD: 'PT5S' });
    });
    afterAll(() => harness?.close());

    it('R9 R24 REVIEW_PERIOD overrides every region: the review is due five seconds after the lock was concluded', async () => {
      const payload = concluded({ concludedAt: '2026-11-20T09:05:00.000Z' });
      await harness.publish(envelopeOf(payload));
      const event = await scheduled(harness, payload.caseId);
      expect(event.payload.dueAt).toBe('2026-11-20T09:05:05.000Z');
      const [review] = await reviewsOf(harness, payload.caseId);
      expect((review.due_at as Date).getTime() - (review.executed_at as Date).getTime()).toBe(5_000);
    });
  });

  describe('with the periods of the regions file (R24), in seconds', () => {
    let regionsFile: { path: string; remove: () => void };
    let harness: ServiceHarness;
    beforeAll(async () => {
      regionsFile = writeShortRegionsFile({ KRONOBERG: { reviewPeriod: 'P1M' } });
      harness = await startReviewScheduler({ REGIONS_CONFIG_FILE: regionsFile.path });
    });
    afterAll(async () => {
      await harness?.close();
      regionsFile?.remove();
    });

    it('R24 R9 without REVIEW_PERIOD each region’s own review period applies', async () => {
      const vgr = concluded({ concludedAt: '2030-01-31T09:00:00.000Z' });
      const kronoberg = concluded({ concludedAt: '2030-01-31T09:00:00.000Z', registryNumber: 'KRONOBERG-2030-000001' });
      await harness.publish(envelopeOf(vgr), envelopeOf(kronoberg, 'KRONOBERG'));
      expect((await scheduled(harness, vgr.caseId)).payload.dueAt).toBe('2030-01-31T09:00:01.000Z');
      expect((await scheduled(harness, kronoberg.caseId)).payload.dueAt).toBe('2030-02-28T09:00:00.000Z');
      const review = await reviewOf(harness, kronoberg.caseId);
      expect(review).toMatchObject({ region: 'KRONOBERG', status: 'SCHEDULED' });
      // The escalation counts from the due date with the region's escalation period.
      expect((review.escalation_due_at as Date).toISOString()).toBe('2030-02-28T09:00:02.000Z');
    });

    it('R9 reminds the requester at the due date, then escalates to the unit head, once each', async () => {
      const payload = concluded({ concludedAt: new Date().toISOString(), requesterEmail: 'dr.a@vc-aby.example.se' });
      const envelope = envelopeOf(payload);
      await harness.publish(envelope);
      const { payload: scheduledReview } = await scheduled(harness, payload.caseId);
      const dueAt = new Date(payload.concludedAt).getTime() + REVIEW_PERIOD_MS;
      expect(scheduledReview.dueAt).toBe(new Date(dueAt).toISOString());

      const reminder = await reviewDue(harness, payload.caseId, 'REMINDER');
      expect(reminder.payload).toEqual({
        reviewId: scheduledReview.reviewId,
        caseId: payload.caseId,
        registryNumber: payload.registryNumber,
        stage: 'REMINDER',
        requestingUnit: UNIT,
        requesterEmail: 'dr.a@vc-aby.example.se',
        dueAt: scheduledReview.dueAt,
      });
      expect(reminder).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:review-scheduler' } });

      const escalation = await reviewDue(harness, payload.caseId, 'ESCALATION');
      expect(escalation.payload).toMatchObject({ reviewId: scheduledReview.reviewId, stage: 'ESCALATION', requestingUnit: UNIT, dueAt: scheduledReview.dueAt });

      const review = await reviewOf(harness, payload.caseId);
      expect(review).toMatchObject({ status: 'ESCALATED', requester_email: 'dr.a@vc-aby.example.se', requesting_unit_name: UNIT.name, outcome: null });
      // Neither step came before its date.
      expect(at(review.reminded_at)).toBeGreaterThanOrEqual(dueAt);
      expect(at(review.escalation_due_at)).toBe(dueAt + REVIEW_ESCALATION_AFTER_MS);
      expect(at(review.escalated_at)).toBeGreaterThanOrEqual(dueAt + REVIEW_ESCALATION_AFTER_MS);
      expect(await stagesPublished(harness, ReviewDueV1, payload.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
    });

    it('R9 a decision before the escalation stops it; a repeated or later decision changes nothing', async () => {
      const now = Date.now();
      const decided = concluded({ concludedAt: new Date(now).toISOString() });
      // Due half a second later: the worker takes the oldest first, so once this one is escalated,
      // an escalation of the decided review would have been sent already.
      const control = concluded({ concludedAt: new Date(now + 500).toISOString() });
      await harness.publish(envelopeOf(decided), envelopeOf(control));
      const { payload: review } = await scheduled(harness, decided.caseId);
      await reviewDue(harness, decided.caseId, 'REMINDER');

      const keep = fromIntake(ReviewDecidedV1, decision(review, 'KEEP_LOCKED'));
      await harness.publish(keep);
      await harness.handled(keep);
      await harness.publishAgain(keep);
      const unlock = fromIntake(ReviewDecidedV1, decision(review, 'UNLOCK', randomUUID()));
      await harness.publish(unlock);
      await harness.handled(unlock);

      await reviewDue(harness, control.caseId, 'ESCALATION');
      const row = await reviewOf(harness, decided.caseId);
      expect(row).toMatchObject({ status: 'DECIDED', outcome: 'KEEP_LOCKED', decided_by: 'SE2321000131-E000000000011', unlock_case_id: null, escalated_at: null });
      expect((row.decided_at as Date).toISOString()).toBe(keep.payload.decidedAt);
      expect(await stagesPublished(harness, ReviewDueV1, decided.caseId)).toEqual({ REMINDER: 1 });
      expect(await stagesPublished(harness, ReviewDueV1, control.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
    });

    it('R9 R10 a lock unlocked by a case of its own ends its review: no reminder follows, another region changes nothing', async () => {
      const now = Date.now();
      const lock = concluded({ concludedAt: new Date(now).toISOString() });
      const control = concluded({ concludedAt: new Date(now + 500).toISOString() });
      const unlock = concluded({ caseType: 'LOGIN_UNLOCK', registryNumber: 'VGR-2026-000012', concludedAt: new Date(now).toISOString(), liftsCaseId: lock.caseId });
      await harness.publish(envelopeOf(lock), envelopeOf(control));
      await scheduled(harness, lock.caseId);

      // Another region's unlock naming this lock is not this region's to act on.
      const foreign = envelopeOf({ ...unlock, caseId: randomUUID() }, 'KRONOBERG');
      await harness.publish(foreign);
      await harness.handled(foreign);
      expect(await reviewOf(harness, lock.caseId)).toMatchObject({ status: 'SCHEDULED', unlock_case_id: null });

      const lifted = envelopeOf(unlock);
      await harness.publish(lifted);
      await harness.handled(lifted);
      await harness.publishAgain(lifted);
      expect(await reviewOf(harness, lock.caseId)).toMatchObject({ status: 'LIFTED', unlock_case_id: unlock.caseId, outcome: null });

      // The control, due half a second later, is reminded and escalated: the lifted one would have been first.
      await reviewDue(harness, control.caseId, 'ESCALATION');
      expect(await stagesPublished(harness, ReviewDueV1, lock.caseId)).toEqual({});
      expect(await reviewOf(harness, lock.caseId)).toMatchObject({ status: 'LIFTED', reminded_at: null, escalated_at: null });
    });

    it('R9 a review that cannot be worked is put back a minute and holds up none behind it', async () => {
      // A review of a region since removed from the regions file, from before escalation dates were
      // stored: its reminder cannot work out the escalation date and fails every time.
      const broken = concluded({ concludedAt: '2030-01-01T08:00:00.000Z' });
      await harness.publish(envelopeOf(broken));
      await scheduled(harness, broken.caseId);
      await harness.driverDataSource.query(
        `UPDATE review_scheduler.reviews SET region = 'GONE', escalation_due_at = NULL, next_due_at = now() - interval '1 second' WHERE case_id = $1`,
        [broken.caseId],
      );
      const control = concluded({ concludedAt: new Date().toISOString() });
      await harness.publish(envelopeOf(control));
      await reviewDue(harness, control.caseId, 'REMINDER');
      const row = await reviewOf(harness, broken.caseId);
      expect(row.status).toBe('SCHEDULED');
      expect(at(row.next_due_at)).toBeGreaterThan(Date.now() + 30_000);
      expect(await stagesPublished(harness, ReviewDueV1, broken.caseId)).toEqual({});
      await harness.driverDataSource.query(`DELETE FROM review_scheduler.reviews WHERE case_id = $1`, [broken.caseId]);
    });

    it('R9 R11 an UNLOCK outcome records the unlock case it opened', async () => {
      const payload = concluded({ concludedAt: '2030-06-01T08:00:00.000Z' });
      await harness.publish(envelopeOf(payload));
      const { payload: review } = await scheduled(harness, payload.caseId);
      const unlockCaseId = randomUUID();
      const unlock = fromIntake(ReviewDecidedV1, decision(review, 'UNLOCK', unlockCaseId));
      await harness.publish(unlock);
      await harness.handled(unlock);
      expect(await reviewOf(harness, payload.caseId)).toMatchObject({ status: 'DECIDED', outcome: 'UNLOCK', unlock_case_id: unlockCaseId, reminded_at: null });
    });

    it('R12 chases a missing emergency-lock form: a reminder, then an escalation, once each', async () => {
      const pending = paperworkPending(new Date(), { sender: 'RESIDENT' });
      const envelope = fromIntake(PaperworkPendingV1, pending);
      await harness.publish(envelope);

      const reminder = await paperworkOverdue(harness, pending.caseId, 'REMINDER');
      expect(reminder.payload).toEqual({
        caseId: pending.caseId,
        registryNumber: pending.registryNumber,
        stage: 'REMINDER',
        sender: 'RESIDENT',
        requestingUnit: UNIT,
        pendingSince: pending.recordedAt,
      });
      expect(reminder).toMatchObject({ correlationId: pending.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:review-scheduler' } });
      const escalation = await paperworkOverdue(harness, pending.caseId, 'ESCALATION');
      expect(escalation.payload).toMatchObject({ stage: 'ESCALATION', sender: 'RESIDENT', pendingSince: pending.recordedAt });

      const recordedAt = new Date(pending.recordedAt).getTime();
      const chase = await chaseOf(harness, pending.caseId);
      expect(chase).toMatchObject({ status: 'ESCALATED', region: 'VGR', ended_at: null });
      expect(at(chase?.reminder_due_at)).toBe(recordedAt + 1_000);
      expect(at(chase?.escalation_due_at)).toBe(recordedAt + 2_000);
      expect(at(chase?.reminded_at)).toBeGreaterThanOrEqual(recordedAt + 1_000);
      expect(at(chase?.escalated_at)).toBeGreaterThanOrEqual(recordedAt + 2_000);

      // The same news again, in a new message: the chase is not started over.
      const again = fromIntake(PaperworkPendingV1, pending);
      await harness.publish(again);
      await harness.handled(again);
      expect(await chaseOf(harness, pending.caseId)).toMatchObject({ status: 'ESCALATED' });
      expect(await stagesPublished(harness, PaperworkOverdueV1, pending.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
    });

    it('R12 the form’s arrival ends the chase: no escalation follows', async () => {
      const now = Date.now();
      const received = paperworkPending(new Date(now));
      const control = paperworkPending(new Date(now + 500));
      await harness.publish(fromIntake(PaperworkPendingV1, received), fromIntake(PaperworkPendingV1, control));
      await paperworkOverdue(harness, received.caseId, 'REMINDER');

      const arrived = fromIntake(PaperworkReceivedV1, { caseId: received.caseId, receivedAt: new Date().toISOString() });
      await harness.publish(arrived);
      await harness.handled(arrived);

      await paperworkOverdue(harness, control.caseId, 'ESCALATION');
      const chase = await chaseOf(harness, received.caseId);
      expect(chase).toMatchObject({ status: 'RECEIVED', escalated_at: null });
      expect((chase?.ended_at as Date).toISOString()).toBe(arrived.payload.receivedAt);
      expect(await stagesPublished(harness, PaperworkOverdueV1, received.caseId)).toEqual({ REMINDER: 1 });
    });

    it('R12 a lock closed unexecuted ends the chase as WAIVED; a form arriving after that changes nothing', async () => {
      const now = Date.now();
      const waived = paperworkPending(new Date(now));
      const control = paperworkPending(new Date(now + 500));
      await harness.publish(fromIntake(PaperworkPendingV1, waived), fromIntake(PaperworkPendingV1, control));
      await paperworkOverdue(harness, waived.caseId, 'REMINDER');

      const ended = fromIntake(PaperworkWaivedV1, { caseId: waived.caseId, waivedAt: new Date().toISOString() });
      await harness.publish(ended);
      await harness.handled(ended);
      const late = fromIntake(PaperworkReceivedV1, { caseId: waived.caseId, receivedAt: new Date().toISOString() });
      await harness.publish(late);
      await harness.handled(late);

      await paperworkOverdue(harness, control.caseId, 'ESCALATION');
      const chase = await chaseOf(harness, waived.caseId);
      expect(chase).toMatchObject({ status: 'WAIVED', escalated_at: null });
      expect((chase?.ended_at as Date).toISOString()).toBe(ended.payload.waivedAt);
      expect(await stagesPublished(harness, PaperworkOverdueV1, waived.caseId)).toEqual({ REMINDER: 1 });
    });

    it('R12 a form that failed the checks on receipt does not end the chase: the reminder and escalation still come, until a passing form ends it', async () => {
      const pending = paperworkPending(new Date());
      await harness.publish(fromIntake(PaperworkPendingV1, pending));
      const returned = fromIntake(PaperworkReturnedV1, { caseId: pending.caseId, reasons: ['namnet stämmer inte med folkbokföringen'], returnedAt: new Date().toISOString() });
      await harness.publish(returned);
      await harness.handled(returned);
      expect(await chaseOf(harness, pending.caseId)).toMatchObject({ returns: 1, ended_at: null });
      expect(at((await chaseOf(harness, pending.caseId))?.last_returned_at)).toBe(Date.parse(returned.payload.returnedAt));

      await paperworkOverdue(harness, pending.caseId, 'REMINDER');
      const again = fromIntake(PaperworkReturnedV1, { caseId: pending.caseId, reasons: ['blanketten är inte signerad av beslutsfattaren'], returnedAt: new Date().toISOString() });
      await harness.publish(again);
      await harness.handled(again);
      await paperworkOverdue(harness, pending.caseId, 'ESCALATION');
      expect(await chaseOf(harness, pending.caseId)).toMatchObject({ status: 'ESCALATED', returns: 2, ended_at: null });

      const passed = fromIntake(PaperworkReceivedV1, { caseId: pending.caseId, receivedAt: new Date().toISOString() });
      await harness.publish(passed);
      await harness.handled(passed);
      expect(await chaseOf(harness, pending.caseId)).toMatchObject({ status: 'RECEIVED', returns: 2 });
      // A return after the chase ended changes nothing.
      const late = fromIntake(PaperworkReturnedV1, { caseId: pending.caseId, reasons: ['sent late'], returnedAt: new Date().toISOString() });
      await harness.publish(late);
      await harness.handled(late);
      expect(await chaseOf(harness, pending.caseId)).toMatchObject({ status: 'RECEIVED', returns: 2 });
      expect(await stagesPublished(harness, PaperworkOverdueV1, pending.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
    });

    it('R12 a form that arrives before the news that it is awaited: nothing is chased', async () => {
      const longAgo = Date.now() - 60_000;
      const early = paperworkPending(new Date(longAgo));
      // Both its dates long passed too, and a little later than the early one's would be.
      const control = paperworkPending(new Date(longAgo + 1));
      const arrived = fromIntake(PaperworkReceivedV1, { caseId: early.caseId, receivedAt: new Date().toISOString() });
      await harness.publish(arrived);
      await harness.handled(arrived);
      expect(await chaseOf(harness, early.caseId)).toMatchObject({ status: 'RECEIVED', registry_number: null });

      const late = fromIntake(PaperworkPendingV1, early);
      await harness.publish(late);
      await harness.handled(late);
      await harness.publish(fromIntake(PaperworkPendingV1, control));
      await paperworkOverdue(harness, control.caseId, 'ESCALATION');

      expect(await chaseOf(harness, early.caseId)).toMatchObject({ status: 'RECEIVED', reminded_at: null });
      expect(await stagesPublished(harness, PaperworkOverdueV1, early.caseId)).toEqual({});
    });

    describe('R9 ListReviewsV1 (GET /reviews)', () => {
      const unit = `SE2321000131-E9${randomUUID().replace(/-/g, '').slice(0, 9)}`;
      const ids: Record<'overdue' | 'later' | 'decided' | 'otherUnit' | 'kronoberg', string> = { overdue: '', later: '', decided: '', otherUnit: '', kronoberg: '' };

      beforeAll(async () => {
        const ofUnit = { ...UNIT, hsaId: unit };
        const overdue = concluded({ concludedAt: '2026-01-10T08:00:00.000Z', requestingUnit: ofUnit });
        const later = concluded({ concludedAt: '2030-03-01T08:00:00.000Z', requestingUnit: ofUnit });
        const decided = concluded({ concludedAt: '2029-05-01T08:00:00.000Z', requestingUnit: ofUnit });
        const otherUnit = concluded({ concludedAt: '2029-01-01T08:00:00.000Z' });
        const kronoberg = concluded({ concludedAt: '2029-02-01T08:00:00.000Z', requestingUnit: ofUnit, registryNumber: 'KRONOBERG-2029-000001' });
        await harness.publish(envelopeOf(overdue), envelopeOf(later), envelopeOf(decided), envelopeOf(otherUnit), envelopeOf(kronoberg, 'KRONOBERG'));
        ids.overdue = (await scheduled(harness, overdue.caseId)).payload.reviewId;
        ids.later = (await scheduled(harness, later.caseId)).payload.reviewId;
        ids.decided = (await scheduled(harness, decided.caseId)).payload.reviewId;
        ids.otherUnit = (await scheduled(harness, otherUnit.caseId)).payload.reviewId;
        ids.kronoberg = (await scheduled(harness, kronoberg.caseId)).payload.reviewId;
        const keep = fromIntake(ReviewDecidedV1, decision({ reviewId: ids.decided, caseId: decided.caseId }));
        await harness.publish(keep);
        await harness.handled(keep);
      });

      it('R9 shows the open reviews of the caller’s own unit in its own region, by due date', async () => {
        const reply = await listReviews(harness, staff(['clinician'], 'VGR', unit));
        expect(reply.ok).toBe(true);
        const { reviews } = (reply as { ok: true; body: ReviewList }).body;
        expect(reviews.map((r) => r.id)).toEqual([ids.overdue, ids.later]);
        expect(reviews[0]).toMatchObject({ region: 'VGR', requestingUnitHsaId: unit, dueAt: '2026-01-10T08:00:01.000Z', overdue: true, outcome: null, decidedAt: null });
        expect(reviews[1]).toMatchObject({ dueAt: '2030-03-01T08:00:01.000Z', status: 'SCHEDULED', overdue: false, remindedAt: null });
      });

      it('R9 with state=all shows decided reviews too', async () => {
        const reply = await listReviews(harness, staff(['unit_head'], 'VGR', unit), 'all');
        const { reviews } = (reply as { ok: true; body: ReviewList }).body;
        expect(reviews.map((r) => r.id)).toEqual([ids.overdue, ids.decided, ids.later]);
        expect(reviews[1]).toMatchObject({ status: 'DECIDED', outcome: 'KEEP_LOCKED', overdue: false });
        expect(reviews[1].decidedAt).not.toBeNull();
      });

      it('R9 pages through the unit’s reviews by due date, saying when a page is cut (issue 11)', async () => {
        const head = staff(['unit_head'], 'VGR', unit);
        const pages: ReviewList[] = [];
        let cursor: string | undefined;
        do {
          const reply = await listReviews(harness, head, 'all', { limit: 1, ...(cursor ? { cursor } : {}) });
          if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
          pages.push(reply.body);
          cursor = reply.body.nextCursor ?? undefined;
        } while (cursor);
        expect(pages.map((p) => [p.reviews.map((r) => r.id), p.truncated])).toEqual([
          [[ids.overdue], true],
          [[ids.decided], true],
          [[ids.later], false],
        ]);
        expect(await listReviews(harness, head, 'all')).toMatchObject({ ok: true, body: { nextCursor: null, truncated: false } });
        const forged = await listReviews(harness, head, 'all', { cursor: 'bm9wZQ' });
        expect(forged).toEqual({ ok: false, problem: expect.objectContaining({ status: 400, type: 'https://accessdesk.se/problems/cursor-invalid' }) });
      });

      it('R9 a caller of another region sees none of this unit’s reviews, only its own region’s', async () => {
        const jamtland = await listReviews(harness, staff(['clinician'], 'JAMTLAND', unit), 'all');
        expect(jamtland).toEqual({ ok: true, body: { reviews: [], nextCursor: null, truncated: false } });
        const kronoberg = await listReviews(harness, staff(['medical_lead'], 'KRONOBERG', unit), 'all');
        expect((kronoberg as { ok: true; body: ReviewList }).body.reviews.map((r) => r.id)).toEqual([ids.kronoberg]);
      });

      it('R9 a caller without a unit sees none', async () => {
        expect(await listReviews(harness, staff(['clinician'], 'VGR'), 'all')).toEqual({ ok: true, body: { reviews: [], nextCursor: null, truncated: false } });
      });

      it.each([[['service_desk']], [['auditor']], [['contact_centre']], [[]]] as Array<[StaffRole[]]>)('R9 refuses the roles %j', async (roles) => {
        const reply = await listReviews(harness, staff(roles, 'VGR', unit));
        expect(reply).toEqual({ ok: false, problem: expect.objectContaining({ type: 'https://accessdesk.se/problems/role-not-allowed', status: 403 }) });
      });
    });
  });

  describe('R9 restarts and replicas', () => {
    const REVIEW_PERIOD = 'PT3S';
    let regionsFile: { path: string; remove: () => void };
    let env: Record<string, string>;
    let harness: ServiceHarness;
    const instances: INestApplication[] = [];
    beforeAll(async () => {
      regionsFile = writeShortRegionsFile();
      // Three seconds to the due date: time to stop the service before it, with room on a busy machine.
      env = { REGIONS_CONFIG_FILE: regionsFile.path, REVIEW_PERIOD };
      harness = await startReviewScheduler(env);
    });
    afterAll(async () => {
      for (const app of instances.splice(0)) await app.close();
      await harness?.close();
      regionsFile?.remove();
    });

    it('R9 a restart neither loses a reminder that fell due while the service was down nor repeats one sent before', async () => {
      const now = Date.now();
      // Due now: reminded before the restart, escalated after it.
      const before = concluded({ concludedAt: new Date(now - 3_000).toISOString() });
      // Due three seconds on: the service is down by then.
      const during = concluded({ concludedAt: new Date(now).toISOString() });
      await harness.publish(envelopeOf(before), envelopeOf(during));
      await reviewDue(harness, before.caseId, 'REMINDER');
      await scheduled(harness, during.caseId);

      await harness.app.close();
      expect(await reviewOf(harness, during.caseId)).toMatchObject({ status: 'SCHEDULED' });
      const dueAt = now + 3_000;
      await pollUntil(() => Date.now() > dueAt + REVIEW_ESCALATION_AFTER_MS, { what: 'the review to fall due and its escalation date to pass while the service is down' });
      expect(await reviewOf(harness, during.caseId)).toMatchObject({ status: 'SCHEDULED', reminded_at: null });

      instances.push(await startInstance(harness, env));
      await reviewDue(harness, during.caseId, 'REMINDER');
      await reviewDue(harness, during.caseId, 'ESCALATION');
      await reviewDue(harness, before.caseId, 'ESCALATION');
      expect(await stagesPublished(harness, ReviewDueV1, before.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
      expect(await stagesPublished(harness, ReviewDueV1, during.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
    });

    it('R9 two instances on one database send each reminder and escalation once', async () => {
      instances.push(await startInstance(harness, env));
      const longAgo = Date.now() - 60_000;
      const cases = Array.from({ length: 8 }, (_, i) => concluded({ concludedAt: new Date(longAgo + i).toISOString() }));
      await harness.publish(...cases.map((c) => envelopeOf(c)));
      for (const c of cases) await reviewDue(harness, c.caseId, 'ESCALATION');
      for (const c of cases) expect(await stagesPublished(harness, ReviewDueV1, c.caseId)).toEqual({ REMINDER: 1, ESCALATION: 1 });
    });
  });
});
