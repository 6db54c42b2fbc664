import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FeedbackSentV1, systemActor } from '@accessdesk/contracts';
import { Messaging, createEnvelope } from '@accessdesk/messaging';
import { PollingWorker, claimNextDue } from '@accessdesk/persistence';
import { MailNotSentError, SEND_CONCURRENCY, SmtpMailer } from '../mail/smtp-mailer';
import { NotificationConfig } from '../notification.config';
import { NotificationEntity } from '../notifications/notification.entity';

/** Fallback poll for due retries; a newly queued e-mail wakes the worker at once. */
const WORKER_POLL_MS = 500;
/** Wait after a failed attempt: 2 s, doubling, at most 5 minutes. */
const RETRY_BACKOFF_BASE_MS = 2_000;
const RETRY_BACKOFF_MAX_MS = 5 * 60_000;
/** The domain of every Message-ID this service writes. */
const MESSAGE_ID_DOMAIN = 'accessdesk.se';

export function retryBackoffMs(failedAttempts: number): number {
  return Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_BASE_MS * 2 ** Math.min(Math.max(0, failedAttempts - 1), 16));
}

/**
 * Sends queued e-mails (R8), one per round and a few rounds at once: the row is claimed `FOR UPDATE SKIP LOCKED`, sent, and
 * marked SENT together with `notification.feedback.sent.v1` in the same transaction. Should that
 * commit fail after the server accepted the e-mail, it is sent again with the same Message-ID.
 */
@Injectable()
export class SendNotificationsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SendNotificationsService.name);
  private readonly worker: PollingWorker;

  constructor(
    private readonly messaging: Messaging,
    private readonly mailer: SmtpMailer,
    @Inject(NotificationConfig) private readonly config: NotificationConfig,
  ) {
    this.worker = new PollingWorker('e-mail sender', () => this.runOnce(), this.logger, {
      pollMs: WORKER_POLL_MS,
      concurrency: SEND_CONCURRENCY,
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** Before messaging and the database close (they go in the later shutdown hooks). */
  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  kick(): void {
    this.worker.kick();
  }

  /** One round: claims one due e-mail and tries to send it; false when none was due. */
  async runOnce(): Promise<boolean> {
    return this.messaging.transaction(async (manager) => {
      const notification = await claimNextDue(manager, NotificationEntity, 'PENDING');
      if (!notification) return false;
      await this.attempt(manager, notification);
      return true;
    });
  }

  private async attempt(manager: EntityManager, notification: NotificationEntity): Promise<void> {
    const repository = manager.getRepository(NotificationEntity);
    const attempts = notification.attempts + 1;
    const label = `${notification.kind.toLowerCase()} e-mail ${notification.id} for case ${notification.caseId}`;
    const messageId = `<${notification.id}@${MESSAGE_ID_DOMAIN}>`;
    try {
      await this.mailer.send({ to: notification.recipients, subject: notification.subject, text: notification.bodyText, messageId });
    } catch (err) {
      if (!(err instanceof MailNotSentError)) throw err;
      if (err.permanent || attempts >= this.config.NOTIFICATION_MAX_ATTEMPTS) {
        this.logger.error(`${label} FAILED after ${attempts} attempt(s): ${err.message}`);
        await repository.update({ id: notification.id }, { status: 'FAILED', attempts });
        return;
      }
      const waitMs = retryBackoffMs(attempts);
      this.logger.warn(`${label} attempt ${attempts} of ${this.config.NOTIFICATION_MAX_ATTEMPTS} failed: ${err.message}; next in ${waitMs} ms`);
      await repository.update({ id: notification.id }, { attempts, nextAttemptAt: new Date(Date.now() + waitMs) });
      return;
    }
    const sentAt = new Date();
    await repository.update({ id: notification.id }, { status: 'SENT', attempts, sentAt, messageId });
    const sent: FeedbackSentV1 = {
      caseId: notification.caseId,
      notificationId: notification.id,
      recipients: notification.recipients.length,
      sentAt: sentAt.toISOString(),
    };
    await this.messaging.publish(
      manager,
      createEnvelope(FeedbackSentV1, sent, {
        correlationId: notification.caseId,
        causationId: notification.causationId,
        region: notification.region,
        actor: systemActor('notification', notification.region),
      }),
    );
    this.logger.log(`${label} sent`);
  }
}
