import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { Envelope } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { Names, assertExchanges } from './topology';

export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
}

/** How long the broker may take to confirm a batch; then the channel is given up and the batch is published again later. */
export const CONFIRM_TIMEOUT_MS = 10_000;

export function messageProperties(envelope: Envelope) {
  return {
    persistent: true,
    contentType: 'application/json',
    messageId: envelope.id,
    type: envelope.type,
    correlationId: envelope.correlationId,
    timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
    headers: { region: envelope.region, causationId: envelope.causationId },
  };
}

/** Publishes persistent messages on the events exchange and resolves only once the broker confirmed them. */
export class ConfirmPublisher {
  private channel: ConfirmChannel | null = null;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly names: Names,
  ) {
    connection.register((conn) => this.setup(conn));
  }

  private async setup(conn: ChannelModel): Promise<void> {
    const ch = await conn.createConfirmChannel();
    await assertExchanges(ch, this.names);
    ch.on('error', () => undefined);
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = null;
      this.connection.restart('publisher channel closed');
    });
    this.channel = ch;
  }

  /** Null when publishing may go ahead; otherwise why not (not connected, or blocked by the broker). */
  whyNotPublishing(): string | null {
    if (!this.channel) return 'not connected to the broker';
    return this.connection.blockedReason();
  }

  /**
   * Publishes in order and waits for every confirm, at most `confirmTimeoutMs`; rejects if any was
   * refused, the channel went away or the confirms did not come (then the channel is dropped, so
   * that a late confirm is never taken for a new batch's).
   */
  async publishAll(envelopes: Envelope[], confirmTimeoutMs = CONFIRM_TIMEOUT_MS): Promise<void> {
    const ch = this.channel;
    if (!ch) throw new NotConnectedError('not connected to the broker');
    for (const envelope of envelopes) {
      const ok = ch.publish(this.names.eventsExchange, envelope.type, Buffer.from(JSON.stringify(envelope)), messageProperties(envelope));
      if (!ok) await drained(ch);
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NotConnectedError(`the broker did not confirm within ${confirmTimeoutMs} ms`)), confirmTimeoutMs);
    });
    try {
      await Promise.race([ch.waitForConfirms(), timedOut]);
    } catch (err) {
      if (err instanceof NotConnectedError && this.channel === ch) this.connection.restart('confirms did not come');
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The channel's write buffer emptied, or the channel closed (then `waitForConfirms` rejects). */
function drained(ch: ConfirmChannel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      ch.off('drain', done);
      ch.off('close', done);
      resolve();
    };
    ch.once('drain', done);
    ch.once('close', done);
  });
}
