import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { NotificationConfig } from '../notification.config';

/** How long the mail server may take to accept the connection, to greet, and to answer each command. */
const SMTP_CONNECTION_TIMEOUT_MS = 10_000;
const SMTP_GREETING_TIMEOUT_MS = 10_000;
const SMTP_SOCKET_TIMEOUT_MS = 30_000;
/** E-mails in flight at once, each over its own pooled SMTP connection. */
export const SEND_CONCURRENCY = 4;

export interface OutgoingMail {
  /** Every recipient: the To header. */
  to: string[];
  /** Who gets it in this attempt (the SMTP envelope); all of `to` when absent. */
  deliverTo?: string[];
  subject: string;
  text: string;
  /** `<id@domain>`: the same on every attempt, so a receiver can tell a resent e-mail. */
  messageId: string;
}

/**
 * Why sending failed, as codes only: a mail server's answer may quote addresses, which stay out of
 * log lines. `permanent` is an SMTP 5xx answer, which a retry would get again. When the server took
 * some recipients and refused others, `accepted` names those that have the e-mail.
 */
export class MailNotSentError extends Error {
  override readonly name = 'MailNotSentError';

  constructor(
    readonly code: string,
    readonly responseCode: number | null,
    readonly accepted: readonly string[] = [],
  ) {
    super(`mail not sent: ${code}${responseCode ? ` (SMTP ${responseCode})` : ''}`);
  }

  get permanent(): boolean {
    return this.responseCode !== null && this.responseCode >= 500 && this.responseCode < 600;
  }
}

/** Sends plain-text e-mail over SMTP with nodemailer. */
@Injectable()
export class SmtpMailer implements OnModuleDestroy {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;

  constructor(@Inject(NotificationConfig) private readonly config: NotificationConfig) {
    this.transport = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      ignoreTLS: config.SMTP_IGNORE_TLS,
      requireTLS: config.SMTP_REQUIRE_TLS,
      connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
      greetingTimeout: SMTP_GREETING_TIMEOUT_MS,
      socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
      // Reuse connections: a new SMTP dialogue per e-mail costs several round trips.
      pool: true,
      maxConnections: SEND_CONCURRENCY,
    });
  }

  /** Resolves once the mail server accepted the e-mail for every recipient. */
  async send(mail: OutgoingMail): Promise<void> {
    let info: SMTPPool.SentMessageInfo;
    try {
      info = await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: mail.to,
        envelope: { from: this.config.MAIL_FROM, to: mail.deliverTo ?? mail.to },
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    } catch (err) {
      const { code, responseCode } = (err ?? {}) as { code?: unknown; responseCode?: unknown };
      throw new MailNotSentError(typeof code === 'string' ? code : 'UNKNOWN', typeof responseCode === 'number' ? responseCode : null);
    }
    if (info.rejected.length > 0) {
      const responseCode = (info.rejectedErrors ?? []).map((e) => e.responseCode).find((c): c is number => typeof c === 'number') ?? null;
      throw new MailNotSentError('EENVELOPE', responseCode, [...info.accepted]);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
