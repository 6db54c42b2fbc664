import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, ReviewDueV1 } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseRepository } from '../domain/case/case.repository';

/**
 * R9: review-scheduler reminded the requesting unit of a lock's review, or escalated it to the unit
 * head; both are written in the lock's timeline.
 */
@MessageHandlers()
export class OnReviewDueHandler {
  constructor(private readonly cases: CaseRepository) {}

  @EventPattern(ReviewDueV1.type, { contract: ReviewDueV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ReviewDueV1>, @Payload() due: ReviewDueV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const lock = await this.cases.findForUpdate(manager, due.caseId);
    // A reminder that crossed the decision or the lock's lifting on the way: nothing to note.
    if (!lock || lock.reviewOutcome || lock.liftedByCaseId) return;
    await this.cases.note(
      manager,
      lock,
      envelope.actor,
      due.stage === 'REMINDER' ? 'Påminnelse om omprövning skickad till begärande vårdpersonal (R9)' : 'Omprövningen är försenad: eskalerad till verksamhetschef (R9)',
    );
  }
}
