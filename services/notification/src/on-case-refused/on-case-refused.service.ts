import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRefusedV1, Envelope } from '@accessdesk/contracts';
import { Regions } from '@accessdesk/platform';
import { NotificationQueueService } from '../notifications/notification-queue.service';
import { refusalEmail } from './refusal-email';

/** R4: a refused case ends; the requesting unit's head is told why, once. */
@Injectable()
export class OnCaseRefusedService {
  constructor(
    private readonly regions: Regions,
    private readonly queue: NotificationQueueService,
  ) {}

  async handle(envelope: Envelope<CaseRefusedV1>, refused: CaseRefusedV1, manager: EntityManager): Promise<void> {
    const email = refusalEmail(refused, this.regions.get(envelope.region));
    await this.queue.enqueue(manager, envelope, { caseId: refused.caseId, kind: 'REFUSAL', email });
  }
}
