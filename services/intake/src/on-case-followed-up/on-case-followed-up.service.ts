import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, FeedbackSentV1, ReviewScheduledV1, systemActor } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';

/** An executed lock is closed only once its review date is stored (R9). */
function needsReview(entity: CaseEntity): boolean {
  return entity.type === 'LOGIN_LOCK' && entity.outcome === 'EXECUTED';
}

/**
 * Feedback sent (R8) and review scheduled (R9) can arrive in either order; each is recorded once,
 * and the case closes when everything it waits for has happened.
 */
@Injectable()
export class OnCaseFollowedUpService {
  private readonly logger = new Logger(OnCaseFollowedUpService.name);

  constructor(private readonly cases: CaseStore) {}

  async feedbackSent(envelope: Envelope<FeedbackSentV1>, sent: FeedbackSentV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, sent.caseId);
    if (!entity) return this.unknown(sent.caseId);
    if (entity.feedbackSentAt) return;
    entity.feedbackSentAt = new Date(sent.sentAt);
    await this.cases.save(manager, entity);
    await this.cases.note(manager, entity, envelope.actor, 'Återkoppling skickad till verksamhetschef på begärande enhet (R8)');
    await this.closeIfDone(manager, entity);
  }

  async reviewScheduled(envelope: Envelope<ReviewScheduledV1>, scheduled: ReviewScheduledV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, scheduled.caseId);
    if (!entity) return this.unknown(scheduled.caseId);
    if (entity.reviewScheduledAt) return;
    entity.reviewScheduledAt = new Date();
    await this.cases.save(manager, entity);
    const due = scheduled.dueAt.slice(0, 10);
    await this.cases.note(manager, entity, envelope.actor, `Omprövning planerad till ${due} (R9)`);
    await this.closeIfDone(manager, entity);
  }

  private async closeIfDone(manager: EntityManager, entity: CaseEntity): Promise<void> {
    if (entity.status !== 'EXECUTED' && entity.status !== 'NOT_APPLICABLE') return;
    if (!entity.feedbackSentAt) return;
    if (needsReview(entity) && !entity.reviewScheduledAt) return;
    await this.cases.move(manager, entity, 'CLOSED', systemActor('intake', entity.region));
  }

  private unknown(caseId: string): void {
    this.logger.warn(`follow-up for unknown case ${caseId} ignored`);
  }
}
