import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailSentV1, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { Backoff, backoffMs, claimNextDue } from '@accessdesk/persistence';
import { DueWorkService } from '@accessdesk/platform';
import { MailNotSentError, SEND_CONCURRENCY, SmtpMailer } from '../mail/smtp-mailer';
import { NotificationConfig } from '../notification.config';
import { NotificationEntity } from '../notifications/notification.entity';

/** Fallback poll, which also finds retries come due; a newly queued e-mail wakes the worker at once. */
const WORKER_POLL_MS = 1_000;
/** Wait after a failed attempt: 2 s, doubling, at most 5 minutes. */
/** Wait before the next try at an e-mail the mail server did not take: 2 s, doubling, at most 5 min. */
export const SMTP_BACKOFF: Backoff = { firstMs: 2_000, maxMs: 5 * 60_000 };
/** The domain of every Message-ID this service writes. */
const MESSAGE_ID_DOMAIN = 'accessdesk.se';

/** The recipients that the mail server has not accepted yet; addresses compare without case. */
export function stillOwed(recipients: readonly string[], deliveredTo: readonly string[]): string[] {
  const delivered = new Set(deliveredTo.map((a) => a.toLowerCase()));
  return recipients.filter((a) => !delivered.has(a.toLowerCase()));
}

/**
 * Sends queued e-mails of every kind, one per round and a few rounds at once: the row is claimed
 * `FOR UPDATE SKIP LOCKED`, sent, and marked SENT together with `notification.email-sent.v1`
 * (carrying the e-mail's kind) in the same transaction. Should that commit fail after the server
 * accepted the e-mail, it is sent again with the same Message-ID.
 */
@Injectable()
export class EmailSenderWorker extends DueWorkService<NotificationEntity> {
  constructor(
    messaging: Messaging,
    private readonly mailer: SmtpMailer,
    @Inject(NotificationConfig) private readonly config: NotificationConfig,
  ) {
    super(messaging, NotificationEntity, 'e-mail sender', EmailSenderWorker.name, { pollMs: WORKER_POLL_MS, concurrency: SEND_CONCURRENCY });
  }

  protected claim(manager: EntityManager): Promise<NotificationEntity | null> {
    return claimNextDue(manager, NotificationEntity, 'PENDING');
  }

  /** Tries to send the claimed e-mail once. */
  protected work(manager: EntityManager, notification: NotificationEntity): Promise<void> {
    return this.attempt(manager, notification);
  }

  private async attempt(manager: EntityManager, notification: NotificationEntity): Promise<void> {
    const repository = manager.getRepository(NotificationEntity);
    const attempts = notification.attempts + 1;
    const label = `${notification.kind.toLowerCase()} e-mail ${notification.id} for case ${notification.caseId}`;
    const messageId = `<${notification.id}@${MESSAGE_ID_DOMAIN}>`;
    // Those the server took in an earlier attempt have the e-mail: only the others get it now.
    const deliverTo = stillOwed(notification.recipients, notification.deliveredTo);
    try {
      if (deliverTo.length > 0) {
        await this.mailer.send({ to: notification.recipients, deliverTo, subject: notification.subject, text: notification.bodyText, messageId });
      }
    } catch (err) {
      if (!(err instanceof MailNotSentError)) throw err;
      const deliveredTo = [...notification.deliveredTo, ...err.accepted];
      const partly = err.accepted.length > 0 ? ` (${deliveredTo.length} of ${notification.recipients.length} recipients have it)` : '';
      if (err.permanent || attempts >= this.config.NOTIFICATION_MAX_ATTEMPTS) {
        this.logger.error(`${label} FAILED after ${attempts} attempt(s): ${err.message}${partly}`);
        await repository.update({ id: notification.id }, { status: 'FAILED', attempts, deliveredTo });
        return;
      }
      const waitMs = backoffMs(attempts, SMTP_BACKOFF);
      this.logger.warn(`${label} attempt ${attempts} of ${this.config.NOTIFICATION_MAX_ATTEMPTS} failed: ${err.message}${partly}; next in ${waitMs} ms`);
      await repository.update({ id: notification.id }, { attempts, deliveredTo, nextAttemptAt: new Date(Date.now() + waitMs) });
      return;
    }
    const sentAt = new Date();
    await repository.update({ id: notification.id }, { status: 'SENT', attempts, sentAt, messageId, deliveredTo: notification.recipients });
    const sent: EmailSentV1 = {
      caseId: notification.caseId,
      notificationId: notification.id,
      recipients: notification.recipients.length,
      sentAt: sentAt.toISOString(),
      kind: notification.kind,
    };
    const cause = { id: notification.causationId, correlationId: notification.caseId, region: notification.region, actor: systemActor('notification', notification.region) };
    await this.messaging.publish(manager, cause, EmailSentV1, sent);
    this.logger.log(`${label} sent`);
  }
}
