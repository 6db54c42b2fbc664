import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, REVIEW_STATUSES, ReviewDecidedV1 } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { ReviewEntity } from '../reviews/review.entity';
import { mayDecide } from '../rules/r9-three-month-review';

const UNDECIDED = REVIEW_STATUSES.filter(mayDecide);

/**
 * R9: intake recorded the review's outcome (KEEP_LOCKED, or UNLOCK with the unlock case it opened,
 * R11); the review is DECIDED and no reminder or escalation follows. In the inbox transaction; the
 * first decision stands, a repeated or late one changes nothing. Only the review's own region's
 * decision counts: consumers never act across regions.
 */
@MessageHandlers()
export class OnReviewDecidedHandler {
  private readonly logger = new Logger(OnReviewDecidedHandler.name);

  @EventPattern(ReviewDecidedV1.type, { contract: ReviewDecidedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ReviewDecidedV1>, @Payload() decided: ReviewDecidedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(ReviewEntity)
      .set({
        status: 'DECIDED',
        outcome: decided.outcome,
        decidedAt: new Date(decided.decidedAt),
        decidedBy: decided.decidedBy,
        unlockCaseId: decided.unlockCaseId ?? null,
      })
      .where('id = :id AND region = :region AND status IN (:...undecided)', { id: decided.reviewId, region: envelope.region, undecided: UNDECIDED })
      .execute();
    if (result.affected === 0) {
      this.logger.warn(`review ${decided.reviewId} of case ${decided.caseId} not decided again: already decided, or unknown in region ${envelope.region}`);
      return;
    }
    this.logger.log(`review ${decided.reviewId} of case ${decided.caseId} decided: ${decided.outcome}`);
  }
}
