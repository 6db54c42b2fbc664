import { randomUUID } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CaseConcludedV1, Envelope, ReviewScheduledV1, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, IsoDuration, Message, MessageContext, MessageHandlers, Regions, parseIsoDuration } from '@accessdesk/platform';
import { ReviewDueWorker } from '../review-due-worker/review-due.worker';
import { ReviewSchedulerConfig } from '../review-scheduler.config';
import { ReviewEntity } from '../reviews/review.entity';
import { needsReview, reviewDueAt, reviewEscalationDueAt } from '../rules/r9-three-month-review';

/**
 * R9: an executed lock gets its review date and its escalation date (the region's periods, R24),
 * stored with `review-scheduler.review.scheduled.v1` in the inbox transaction. `case_id` is unique:
 * the same case concluded again schedules nothing more. A case of a region missing from the regions
 * file throws: a configuration fault, retried and then dead-lettered rather than scheduled wrongly.
 */
@MessageHandlers()
export class ScheduleReviewHandler {
  private readonly logger = new Logger(ScheduleReviewHandler.name);
  private readonly periodOverride: IsoDuration | null;

  constructor(
    private readonly messaging: Messaging,
    private readonly regions: Regions,
    private readonly reviewDue: ReviewDueWorker,
    @Inject(ReviewSchedulerConfig) config: ReviewSchedulerConfig,
  ) {
    this.periodOverride = config.REVIEW_PERIOD ? parseIsoDuration(config.REVIEW_PERIOD) : null;
  }

  @EventPattern(CaseConcludedV1.type, { contract: CaseConcludedV1, queue: 'events' })
  async handle(
    @Message() envelope: Envelope<CaseConcludedV1>,
    @Payload() concluded: CaseConcludedV1,
    @InboxTransaction() manager: EntityManager,
    @Ctx() context: MessageContext,
  ): Promise<void> {
    const region = envelope.region;
    if (!needsReview(concluded.caseType, concluded.outcome, concluded.lockedByRegion ?? null, region)) {
      if (concluded.lockedByRegion) this.logger.log(`no review of case ${concluded.caseId}: the lock in effect is region ${concluded.lockedByRegion}'s (R10)`);
      return;
    }
    const executedAt = new Date(concluded.concludedAt);
    const dueAt = reviewDueAt(executedAt, this.periodOverride ?? this.regions.duration(region, 'reviewPeriod'));
    const escalationDueAt = reviewEscalationDueAt(dueAt, this.regions.duration(region, 'reviewEscalationAfter'));
    const id = randomUUID();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewEntity)
      .values({
        id,
        caseId: concluded.caseId,
        region,
        registryNumber: concluded.registryNumber,
        requestingUnitHsaId: concluded.requestingUnit.hsaId,
        requestingUnitName: concluded.requestingUnit.name,
        headEmail: concluded.requestingUnit.headEmail,
        decidedByHsaId: concluded.decidedByHsaId,
        requesterEmail: concluded.requesterEmail ?? null,
        executedAt,
        dueAt,
        escalationDueAt,
        nextAttemptAt: dueAt,
        status: 'SCHEDULED',
        remindedAt: null,
        escalatedAt: null,
        causationId: envelope.id,
      })
      .orIgnore()
      .updateEntity(false)
      .returning('id')
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      this.logger.log(`review of case ${concluded.caseId} already scheduled`);
      return;
    }
    const scheduled: ReviewScheduledV1 = { caseId: concluded.caseId, reviewId: id, dueAt: dueAt.toISOString() };
    await this.messaging.publish(manager, envelope, ReviewScheduledV1, scheduled, { actor: systemActor('review-scheduler', region) });
    this.logger.log(`review of case ${concluded.caseId} scheduled for ${scheduled.dueAt}`);
    // New work for the worker: a review whose date already passed (a late event, a catch-up) is due at once.
    context.afterCommit(() => this.reviewDue.kick());
  }
}
