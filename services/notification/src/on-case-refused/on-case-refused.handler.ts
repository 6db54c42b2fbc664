import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CaseRefusedV1, Envelope } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { refusalEmail } from './refusal-email';

/** R4: a refused case ends; the requesting unit's head is told why, once. */
@MessageHandlers()
export class OnCaseRefusedHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(CaseRefusedV1.type, { contract: CaseRefusedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseRefusedV1>, @Payload() refused: CaseRefusedV1, @Ctx() context: MessageContext): Promise<void> {
    const email = refusalEmail(refused, this.regions.get(envelope.region));
    await this.queue.enqueue(context, { caseId: refused.caseId, kind: 'REFUSAL', email });
  }
}
