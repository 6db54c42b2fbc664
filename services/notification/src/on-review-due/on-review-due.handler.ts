import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Envelope, ReviewDueV1 } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { reviewEscalationEmail } from './review-escalation-email';
import { reviewReminderEmail } from './review-reminder-email';

/**
 * R9: a due review reminds the requester (or the unit head); an overdue one escalates to the unit
 * head. One e-mail per stage and review: the review's id tells apart a later review of the same lock.
 */
@MessageHandlers()
export class OnReviewDueHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(ReviewDueV1.type, { contract: ReviewDueV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ReviewDueV1>, @Payload() due: ReviewDueV1, @Ctx() context: MessageContext): Promise<void> {
    const region = this.regions.get(envelope.region);
    const reminder = due.stage === 'REMINDER';
    await this.queue.enqueue(context, {
      caseId: due.caseId,
      kind: reminder ? 'REVIEW_REMINDER' : 'REVIEW_ESCALATION',
      email: reminder ? reviewReminderEmail(due, region) : reviewEscalationEmail(due, region),
      occurrence: due.reviewId,
    });
  }
}
