import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseConcludedV1, Envelope } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { feedbackEmail, isFeedbackOutcome } from '../feedback/feedback-email';
import { NotificationQueueService } from '../notifications/notification-queue.service';

/**
 * R8: a concluded case (executed, or not applicable for want of a 1177 account) gets its feedback
 * e-mail to the requesting unit's head, with a copy to the region's feedback addresses (R24).
 * A FAILED case is not concluded for the requester: the service desk takes it from there, and a
 * failed case the desk closes is told by `intake.case.ended.v1` (on-case-ended).
 */
@MessageHandlers()
export class OnCaseConcludedHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(CaseConcludedV1.type, { contract: CaseConcludedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseConcludedV1>, @Payload() concluded: CaseConcludedV1, @Ctx() context: MessageContext): Promise<void> {
    const { outcome } = concluded;
    if (!isFeedbackOutcome(outcome)) return;
    // R10: another region's lock in effect is told as that region's (by its configured name, R24).
    const other = concluded.lockedByRegion && concluded.lockedByRegion !== envelope.region ? concluded.lockedByRegion : null;
    const lockedByRegionName = other ? (this.regions.find(other)?.name ?? other) : null;
    const email = feedbackEmail({ ...concluded, outcome, lockedByRegionName }, this.regions.get(envelope.region));
    await this.queue.enqueue(context, { caseId: concluded.caseId, kind: 'FEEDBACK', email });
  }
}
