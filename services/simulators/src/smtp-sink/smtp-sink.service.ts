import { Injectable } from '@nestjs/common';
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

// A long-running development simulator must not grow without bound.
const MAX_MESSAGES = 1000;

/** Every e-mail the SMTP sink accepted, oldest first. */
@Injectable()
export class SmtpSinkService {
  private messages: SinkMessage[] = [];

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
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
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
