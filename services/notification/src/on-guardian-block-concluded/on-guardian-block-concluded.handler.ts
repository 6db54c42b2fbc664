import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Envelope, GuardianBlockConcludedV1 } from '@accessdesk/contracts';
import { Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { guardianBlockConfirmationEmail } from './guardian-block-confirmation-email';

/**
 * R18, R19, R20: a concluded guardian block or unblock is confirmed to the addresses in the request.
 * The guardian block's id stands in the case column. A block can conclude more than once (failed,
 * then executed by the contact centre; guardians unblocked one at a time), so each conclusion, by its
 * outcome and time, gets its own e-mail.
 */
@MessageHandlers()
export class OnGuardianBlockConcludedHandler {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  @EventPattern(GuardianBlockConcludedV1.type, { contract: GuardianBlockConcludedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<GuardianBlockConcludedV1>, @Payload() concluded: GuardianBlockConcludedV1, @Ctx() context: MessageContext): Promise<void> {
    const email = guardianBlockConfirmationEmail(concluded, this.regions.get(envelope.region));
    await this.queue.enqueue(context, {
      caseId: concluded.guardianBlockId,
      kind: concluded.kind === 'BLOCK' ? 'GUARDIAN_BLOCK_CONFIRMATION' : 'GUARDIAN_UNBLOCK_CONFIRMATION',
      email,
      occurrence: `${concluded.outcome}@${new Date(concluded.concludedAt).toISOString()}`,
    });
  }
}
