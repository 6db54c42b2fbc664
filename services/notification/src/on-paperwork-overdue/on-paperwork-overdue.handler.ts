import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Envelope, PaperworkOverdueV1 } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { paperworkEscalationEmail } from './paperwork-escalation-email';
import { paperworkReminderEmail } from './paperwork-reminder-email';

/** R12: the missing form of an emergency lock: a reminder to the unit head, then an escalation that also reaches the service desk. */
@MessageHandlers()
export class OnPaperworkOverdueHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(PaperworkOverdueV1.type, { contract: PaperworkOverdueV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<PaperworkOverdueV1>, @Payload() overdue: PaperworkOverdueV1, @Ctx() context: MessageContext): Promise<void> {
    const region = this.regions.get(envelope.region);
    const reminder = overdue.stage === 'REMINDER';
    await this.queue.enqueue(context, {
      caseId: overdue.caseId,
      kind: reminder ? 'PAPERWORK_REMINDER' : 'PAPERWORK_ESCALATION',
      email: reminder ? paperworkReminderEmail(overdue, region) : paperworkEscalationEmail(overdue, region),
    });
  }
}
