import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, ReviewScheduledV1 } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * R9: review-scheduler stored an executed lock's review date. It is recorded once, and the case
 * closes when everything it waits for has happened (the feedback, R8, may come before or after).
 */
@MessageHandlers()
export class OnReviewScheduledHandler {
  private readonly logger = new Logger(OnReviewScheduledHandler.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  @EventPattern(ReviewScheduledV1.type, { contract: ReviewScheduledV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ReviewScheduledV1>, @Payload() scheduled: ReviewScheduledV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, scheduled.caseId);
    if (!entity) return this.logger.debug(`review scheduled for case ${scheduled.caseId}, not an intake case, ignored`);
    if (entity.reviewScheduledAt) return;
    entity.reviewScheduledAt = new Date();
    entity.reviewId = scheduled.reviewId;
    const due = scheduled.dueAt.slice(0, 10);
    await this.cases.saveWithNote(manager, entity, envelope.actor, `Omprövning planerad till ${due} (R9)`);
    await this.lifecycle.closeIfDone(manager, entity, envelope);
  }
}
