import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, GuardianBlockConcludedV1 } from '@accessdesk/contracts';
import { Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { guardianBlockConfirmationEmail } from './guardian-block-confirmation-email';

/**
 * R18, R19, R20: a concluded guardian block or unblock is confirmed to the addresses in the request.
 * The guardian block's id stands in the case column. A block can conclude more than once (failed,
 * then executed by the contact centre; guardians unblocked one at a time), so each conclusion, by its
 * outcome and time, gets its own e-mail.
 */
@Injectable()
export class OnGuardianBlockConcludedService {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  async handle(envelope: Envelope<GuardianBlockConcludedV1>, concluded: GuardianBlockConcludedV1, manager: EntityManager): Promise<void> {
    const email = guardianBlockConfirmationEmail(concluded, this.regions.get(envelope.region));
    await this.queue.enqueue(manager, envelope, {
      caseId: concluded.guardianBlockId,
      kind: concluded.kind === 'BLOCK' ? 'GUARDIAN_BLOCK_CONFIRMATION' : 'GUARDIAN_UNBLOCK_CONFIRMATION',
      email,
      occurrence: `${concluded.outcome}@${new Date(concluded.concludedAt).toISOString()}`,
    });
  }
}
