import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseConcludedV1, Envelope, ReviewScheduledV1, systemActor } from '@accessdesk/contracts';
import { Messaging, causedBy, createEnvelope } from '@accessdesk/messaging';
import { IsoDuration, parseIsoDuration } from '@accessdesk/platform';
import { ReviewSchedulerConfig } from '../review-scheduler.config';
import { ReviewEntity } from '../reviews/review.entity';
import { needsReview, reviewDueAt } from '../rules/r9-three-month-review';

/**
 * R9: an executed lock gets its review date, stored with `review-scheduler.review.scheduled.v1` in
 * the inbox transaction. `case_id` is unique: the same case concluded again schedules nothing more.
 */
@Injectable()
export class ScheduleReviewService {
  private readonly logger = new Logger(ScheduleReviewService.name);
  private readonly period: IsoDuration;

  constructor(
    private readonly messaging: Messaging,
    @Inject(ReviewSchedulerConfig) config: ReviewSchedulerConfig,
  ) {
    this.period = parseIsoDuration(config.REVIEW_PERIOD);
  }

  async handle(envelope: Envelope<CaseConcludedV1>, concluded: CaseConcludedV1, manager: EntityManager): Promise<void> {
    if (!needsReview(concluded.caseType, concluded.outcome)) return;
    const executedAt = new Date(concluded.concludedAt);
    const dueAt = reviewDueAt(executedAt, this.period);
    const id = randomUUID();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewEntity)
      .values({
        id,
        caseId: concluded.caseId,
        region: envelope.region,
        registryNumber: concluded.registryNumber,
        requestingUnitHsaId: concluded.requestingUnit.hsaId,
        headEmail: concluded.requestingUnit.headEmail,
        decidedByHsaId: concluded.decidedByHsaId,
        executedAt,
        dueAt,
        status: 'SCHEDULED',
        remindedAt: null,
        escalatedAt: null,
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
    await this.messaging.publish(manager, createEnvelope(ReviewScheduledV1, scheduled, causedBy(envelope, systemActor('review-scheduler', envelope.region))));
    this.logger.log(`review of case ${concluded.caseId} scheduled for ${scheduled.dueAt}`);
  }
}
