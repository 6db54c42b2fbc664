import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CaseConcludedV1, Envelope, REVIEW_STATUSES } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { ReviewEntity } from '../reviews/review.entity';
import { mayDecide } from '../rules/r9-three-month-review';

const UNDECIDED = REVIEW_STATUSES.filter(mayDecide);

/**
 * R9, R10: a lock unlocked by a case of its own, filed outside the review (001: the requesting region
 * lifts it when the need has gone), leaves nothing to review. Its review becomes LIFTED, so no reminder
 * or escalation is sent about an account that is open again. An unlock the review itself opened finds
 * the review DECIDED and changes nothing. In the inbox transaction; only the lock's own region counts.
 */
@MessageHandlers()
export class OnLockLiftedHandler {
  private readonly logger = new Logger(OnLockLiftedHandler.name);

  @EventPattern(CaseConcludedV1.type, { contract: CaseConcludedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseConcludedV1>, @Payload() concluded: CaseConcludedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    if (concluded.caseType !== 'LOGIN_UNLOCK' || concluded.outcome !== 'EXECUTED' || !concluded.liftsCaseId) return;
    const result = await manager
      .createQueryBuilder()
      .update(ReviewEntity)
      .set({ status: 'LIFTED', unlockCaseId: concluded.caseId })
      .where('case_id = :lockId AND region = :region AND status IN (:...undecided)', { lockId: concluded.liftsCaseId, region: envelope.region, undecided: UNDECIDED })
      .execute();
    if (result.affected) this.logger.log(`review of case ${concluded.liftsCaseId} ended: the lock was lifted by case ${concluded.caseId}`);
  }
}
