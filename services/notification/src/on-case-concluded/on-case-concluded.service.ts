import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseConcludedV1, Envelope } from '@accessdesk/contracts';
import { Regions } from '@accessdesk/platform';
import { feedbackEmail, isFeedbackOutcome } from '../feedback/feedback-email';
import { NotificationQueueService } from '../notifications/notification-queue.service';

/**
 * R8: a concluded case (executed, or not applicable for want of a 1177 account) gets its feedback
 * e-mail to the requesting unit's head, with a copy to the region's feedback addresses (R24).
 * A FAILED case is not concluded for the requester: the service desk takes it from there.
 */
@Injectable()
export class OnCaseConcludedService {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  async handle(envelope: Envelope<CaseConcludedV1>, concluded: CaseConcludedV1, manager: EntityManager): Promise<void> {
    const { outcome } = concluded;
    if (!isFeedbackOutcome(outcome)) return;
    const email = feedbackEmail({ ...concluded, outcome }, this.regions.get(envelope.region));
    await this.queue.enqueue(manager, envelope, { caseId: concluded.caseId, kind: 'FEEDBACK', email });
  }
}
