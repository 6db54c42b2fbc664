import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseReturnedV1, Envelope } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { returnForCompletionEmail } from './return-for-completion-email';
import { returnedFollowUpFormEmail } from './returned-follow-up-form-email';

/**
 * R4: a case returned for completion tells the requesting unit's head why and how to complete it.
 * A case can be returned again after it was completed, so each return (by its time) gets its e-mail.
 */
@MessageHandlers()
export class OnCaseReturnedHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(CaseReturnedV1.type, { contract: CaseReturnedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseReturnedV1>, @Payload() returned: CaseReturnedV1, @Ctx() context: MessageContext): Promise<void> {
    const region = this.regions.get(envelope.region);
    // R12: the form of an executed emergency lock went back, not the case: another text.
    const email = returned.followUpForm ? returnedFollowUpFormEmail(returned, region) : returnForCompletionEmail(returned, region);
    await this.queue.enqueue(context, {
      caseId: returned.caseId,
      kind: 'RETURN_FOR_COMPLETION',
      email,
      occurrence: new Date(returned.at).toISOString(),
    });
  }
}
