import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MessageContext } from '@accessdesk/platform';
import { EmailSenderWorker } from '../email-sender/email-sender.worker';
import { Email, withoutIdentityNumbers } from '../mail/email-text';
import { NotificationKind } from './notification-status';
import { NotificationEntity } from './notification.entity';

export interface QueuedEmail {
  /** The case, or the guardian block, the e-mail is about. */
  caseId: string;
  kind: NotificationKind;
  email: Email;
  /** See NotificationEntity.occurrence; empty for a kind a case has at most once. */
  occurrence?: string;
}

/**
 * Writes an e-mail, masked for anything shaped like a personnummer, to the durable send queue in the
 * handler's inbox transaction, and wakes the sender (EmailSenderWorker) once that transaction
 * committed, so it goes out at once. `(case_id, kind, occurrence)` is unique, so the same event
 * arriving again in a new message queues no second e-mail, and wakes nobody.
 */
@Injectable()
export class NotificationQueueService {
  private readonly logger = new Logger(NotificationQueueService.name);

  constructor(private readonly sender: EmailSenderWorker) {}

  /** True when the e-mail was queued, false when the same one was queued before. */
  async enqueue(context: MessageContext, queued: QueuedEmail): Promise<boolean> {
    const { envelope, manager } = context;
    const { caseId, kind, occurrence = '' } = queued;
    const email = withoutIdentityNumbers(queued.email);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        id: randomUUID(),
        caseId,
        region: envelope.region,
        kind,
        occurrence,
        recipients: email.to,
        deliveredTo: [],
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
    if (inserted) context.afterCommit(() => this.sender.kick());
    const label = `${kind.toLowerCase()} e-mail for case ${caseId}`;
    this.logger.log(inserted ? `${label} queued (message ${envelope.id})` : `${label} already queued (message ${envelope.id})`);
    return inserted;
  }
}
