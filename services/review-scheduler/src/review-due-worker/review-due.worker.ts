import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReviewDueV1, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { claimNextDue } from '@accessdesk/persistence';
import { DueWorkService, Regions } from '@accessdesk/platform';
import { ReviewEntity } from '../reviews/review.entity';
import { REVIEW_STATUSES_WITH_A_NEXT_STEP, nextReviewStep, reviewEscalationDueAt } from '../rules/r9-three-month-review';

/**
 * Fallback poll: a due date is reached by time passing, which wakes nobody; one indexed query a
 * second is cheap, and a reminder is never more than this late.
 */
const WORKER_POLL_MS = 1_000;

/**
 * R9: at its due date a review is REMINDED (`review-scheduler.review.due.v1`, stage REMINDER); still
 * undecided at its escalation date it is ESCALATED (stage ESCALATION, to the unit head). Exactly once
 * each, across restarts and instances: the row is claimed `FOR UPDATE SKIP LOCKED`, and its new status
 * and the event commit in one transaction, so a step is either done with its message or not at all.
 * A decided review is never claimed again.
 */
@Injectable()
export class ReviewDueWorker extends DueWorkService<ReviewEntity> {
  constructor(
    messaging: Messaging,
    private readonly regions: Regions,
  ) {
    super(messaging, ReviewEntity, 'review reminders', ReviewDueWorker.name, { pollMs: WORKER_POLL_MS });
  }

  protected claim(manager: EntityManager): Promise<ReviewEntity | null> {
    return this.claimNext(manager);
  }

  protected work(manager: EntityManager, review: ReviewEntity): Promise<void> {
    return this.step(manager, review);
  }

  private async claimNext(manager: EntityManager): Promise<ReviewEntity | null> {
    for (const status of REVIEW_STATUSES_WITH_A_NEXT_STEP) {
      const review = await claimNextDue(manager, ReviewEntity, status);
      if (review) return review;
    }
    return null;
  }

  private async step(manager: EntityManager, review: ReviewEntity): Promise<void> {
    const step = nextReviewStep(review.status);
    if (!step) return;
    const now = new Date();
    if (step.stage === 'REMINDER') {
      const escalationDueAt = review.escalationDueAt ?? reviewEscalationDueAt(review.dueAt, this.regions.duration(review.region, 'reviewEscalationAfter'));
      await manager.getRepository(ReviewEntity).update({ id: review.id }, { status: step.status, remindedAt: now, escalationDueAt, nextAttemptAt: escalationDueAt });
    } else {
      await manager.getRepository(ReviewEntity).update({ id: review.id }, { status: step.status, escalatedAt: now });
    }
    const due: ReviewDueV1 = {
      reviewId: review.id,
      caseId: review.caseId,
      registryNumber: review.registryNumber,
      stage: step.stage,
      requestingUnit: { hsaId: review.requestingUnitHsaId, name: review.requestingUnitName, headEmail: review.headEmail },
      requesterEmail: review.requesterEmail,
      dueAt: review.dueAt.toISOString(),
    };
    const cause = { id: review.causationId, correlationId: review.caseId, region: review.region, actor: systemActor('review-scheduler', review.region) };
    await this.messaging.publish(manager, cause, ReviewDueV1, due);
    this.logger.log(`review ${review.id} of case ${review.caseId}: ${step.stage} (due ${due.dueAt})`);
  }
}
