import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseConcludedV1, Envelope } from '@accessdesk/contracts';
import { feedbackEmail, isFeedbackOutcome } from '../feedback/feedback-email';
import { NotificationEntity } from '../notifications/notification.entity';

/**
 * R8: a concluded case (executed, or not applicable for want of a 1177 account) gets its feedback
 * e-mail to the requesting unit's head. The e-mail is written here, in the inbox transaction, and
 * sent by the worker; `(case_id, kind)` is unique, so a repeated event adds no second e-mail.
 * A FAILED case is not concluded for the requester: the service desk takes it from there.
 */
@Injectable()
export class OnCaseConcludedService {
  private readonly logger = new Logger(OnCaseConcludedService.name);

  async handle(envelope: Envelope<CaseConcludedV1>, concluded: CaseConcludedV1, manager: EntityManager): Promise<void> {
    const { outcome } = concluded;
    if (!isFeedbackOutcome(outcome)) return;
    const email = feedbackEmail({ ...concluded, outcome });
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        id: randomUUID(),
        caseId: concluded.caseId,
        region: envelope.region,
        kind: 'FEEDBACK',
        recipients: [concluded.requestingUnit.headEmail],
        subject: email.subject,
        bodyText: email.text,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: new Date(),
        sentAt: null,
        messageId: null,
        causationId: envelope.id,
      })
      .orIgnore()
      .updateEntity(false)
      .returning('id')
      .execute();
    const inserted = (result.raw as unknown[]).length > 0;
    this.logger.log(inserted ? `feedback e-mail for case ${concluded.caseId} queued` : `feedback e-mail for case ${concluded.caseId} already queued`);
  }
}
