import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { EmailSentV1, Envelope } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * R8: the requesting unit's head was told. The feedback on a concluded case is recorded once, and
 * the case closes when everything it waits for has happened (it may arrive before or after the
 * review is scheduled, R9); the notice of a case that ended without effect is noted on its timeline.
 */
@MessageHandlers()
export class OnFeedbackSentHandler {
  private readonly logger = new Logger(OnFeedbackSentHandler.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  @EventPattern(EmailSentV1.type, { contract: EmailSentV1, queue: 'events', when: (sent: EmailSentV1) => sent.kind === 'FEEDBACK' || sent.kind === 'CASE_ENDED' })
  async handle(@Message() envelope: Envelope<EmailSentV1>, @Payload() sent: EmailSentV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, sent.caseId);
    if (!entity) return this.logger.debug(`e-mail about case ${sent.caseId}, not an intake case, ignored`);
    // R8: the desk sees in the timeline that the requester was told of an ending without effect.
    if (sent.kind === 'CASE_ENDED') {
      await this.cases.note(manager, entity, envelope.actor, 'Besked skickat till verksamhetschef på begärande enhet: ärendet avslutat utan åtgärd på 1177 (R8)');
      return;
    }
    // Other e-mails about the case (reminders, returns) are recorded by their own events.
    if (sent.kind !== 'FEEDBACK') return;
    if (entity.feedbackSentAt) return;
    entity.feedbackSentAt = new Date(sent.sentAt);
    await this.cases.saveWithNote(manager, entity, envelope.actor, 'Återkoppling skickad till verksamhetschef på begärande enhet (R8)');
    await this.lifecycle.closeIfDone(manager, entity, envelope);
  }
}
