import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEndedV1, Envelope } from '@accessdesk/contracts';
import { Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { caseEndedEmail } from './case-ended-email';

/**
 * R8: a case that ended without reaching 1177 (voided, or failed and closed by the desk) is told to
 * the requesting unit's head, once: a case ends once, and the ending is the occurrence.
 */
@Injectable()
export class OnCaseEndedService {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  async handle(envelope: Envelope<CaseEndedV1>, ended: CaseEndedV1, manager: EntityManager): Promise<void> {
    const email = caseEndedEmail(ended, this.regions.get(envelope.region));
    await this.queue.enqueue(manager, envelope, { caseId: ended.caseId, kind: 'CASE_ENDED', email, occurrence: ended.ending });
  }
}
