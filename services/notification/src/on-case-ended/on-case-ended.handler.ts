import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseEndedV1, Envelope } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { caseEndedEmail } from './case-ended-email';

/**
 * R8: a case that ended without reaching 1177 (voided, or failed and closed by the desk) is told to
 * the requesting unit's head, once: a case ends once, and the ending is the occurrence.
 */
@MessageHandlers()
export class OnCaseEndedHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(CaseEndedV1.type, { contract: CaseEndedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseEndedV1>, @Payload() ended: CaseEndedV1, @Ctx() context: MessageContext): Promise<void> {
    const email = caseEndedEmail(ended, this.regions.get(envelope.region));
    await this.queue.enqueue(context, { caseId: ended.caseId, kind: 'CASE_ENDED', email, occurrence: ended.ending });
  }
}
