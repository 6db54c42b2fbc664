import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, PaperworkOverdueV1 } from '@accessdesk/contracts';
import { Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { paperworkEscalationEmail } from './paperwork-escalation-email';
import { paperworkReminderEmail } from './paperwork-reminder-email';

/** R12: the missing form of an emergency lock: a reminder to the unit head, then an escalation that also reaches the service desk. */
@Injectable()
export class OnPaperworkOverdueService {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  async handle(envelope: Envelope<PaperworkOverdueV1>, overdue: PaperworkOverdueV1, manager: EntityManager): Promise<void> {
    const region = this.regions.get(envelope.region);
    const reminder = overdue.stage === 'REMINDER';
    await this.queue.enqueue(manager, envelope, {
      caseId: overdue.caseId,
      kind: reminder ? 'PAPERWORK_REMINDER' : 'PAPERWORK_ESCALATION',
      email: reminder ? paperworkReminderEmail(overdue, region) : paperworkEscalationEmail(overdue, region),
    });
  }
}
