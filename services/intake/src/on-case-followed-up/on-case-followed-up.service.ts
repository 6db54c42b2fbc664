import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, EmailSentV1, ReviewScheduledV1 } from '@accessdesk/contracts';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * Feedback sent (R8) and review scheduled (R9) can arrive in either order; each is recorded once,
 * and the case closes when everything it waits for has happened.
 */
@Injectable()
export class OnCaseFollowedUpService {
  private readonly logger = new Logger(OnCaseFollowedUpService.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async feedbackSent(envelope: Envelope<EmailSentV1>, sent: EmailSentV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, sent.caseId);
    if (!entity) return this.unknown(sent.caseId);
    // R8: the desk sees in the timeline that the requester was told of an ending without effect.
    if (sent.kind === 'CASE_ENDED') {
      await this.cases.note(manager, entity, envelope.actor, 'Besked skickat till verksamhetschef på begärande enhet: ärendet avslutat utan åtgärd på 1177 (R8)');
      return;
    }
    // Other e-mails about the case (reminders, returns) are recorded by their own events.
    if (sent.kind !== 'FEEDBACK') return;
    if (entity.feedbackSentAt) return;
    entity.feedbackSentAt = new Date(sent.sentAt);
    await this.cases.save(manager, entity);
    await this.cases.note(manager, entity, envelope.actor, 'Återkoppling skickad till verksamhetschef på begärande enhet (R8)');
    await this.lifecycle.closeIfDone(manager, entity, envelope);
  }

  async reviewScheduled(envelope: Envelope<ReviewScheduledV1>, scheduled: ReviewScheduledV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, scheduled.caseId);
    if (!entity) return this.unknown(scheduled.caseId);
    if (entity.reviewScheduledAt) return;
    entity.reviewScheduledAt = new Date();
    entity.reviewId = scheduled.reviewId;
    await this.cases.save(manager, entity);
    const due = scheduled.dueAt.slice(0, 10);
    await this.cases.note(manager, entity, envelope.actor, `Omprövning planerad till ${due} (R9)`);
    await this.lifecycle.closeIfDone(manager, entity, envelope);
  }

  private unknown(caseId: string): void {
    this.logger.debug(`follow-up for case ${caseId}, not an intake case, ignored`);
  }
}
