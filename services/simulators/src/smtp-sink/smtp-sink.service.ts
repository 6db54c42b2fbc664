import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseMessage } from './mime-parser';

export interface SinkMessage {
  id: string;
  messageId: string;
  /** The SMTP envelope's sender and recipients (so Bcc recipients are listed too). */
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
  receivedAt: string;
}

// A long-running development simulator must not grow without bound: it keeps the newest e-mails
// only (SIMULATOR_SMTP_KEEP; a chaos run that checks every e-mail keeps more).
export const DEFAULT_SMTP_KEEP = 1000;
export const SMTP_SINK_KEEP = Symbol('SMTP_SINK_KEEP');

/** Every e-mail the SMTP sink accepted, oldest first. */
@Injectable()
export class SmtpSinkService {
  private messages: SinkMessage[] = [];

  constructor(@Optional() @Inject(SMTP_SINK_KEEP) private readonly keep: number = DEFAULT_SMTP_KEEP) {}

  receive(raw: Buffer, envelope: { from: string; to: string[] }): SinkMessage {
    const { headers, subject, messageId, text, html } = parseMessage(raw);
    const message: SinkMessage = {
      id: randomUUID(),
      messageId,
      from: envelope.from,
      to: envelope.to,
      subject,
      text,
      ...(html !== undefined ? { html } : {}),
      headers,
      receivedAt: new Date().toISOString(),
    };
    this.messages.push(message);
    if (this.messages.length > this.keep) this.messages.splice(0, this.messages.length - this.keep);
    return message;
  }

  /** `to` matches a recipient address, ignoring case. */
  list(filter: { to?: string } = {}): SinkMessage[] {
    const to = filter.to?.toLowerCase();
    return this.messages.filter((message) => to === undefined || message.to.some((address) => address.toLowerCase() === to));
  }

  clear(): void {
    this.messages = [];
  }
}
