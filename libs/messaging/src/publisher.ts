import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { Envelope } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { Names, assertExchanges } from './topology';

export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
}

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

  /** Publishes in order and waits for every confirm; rejects if any was refused or the channel went away. */
  async publishAll(envelopes: Envelope[]): Promise<void> {
    const ch = this.channel;
    if (!ch) throw new NotConnectedError('not connected to the broker');
    for (const envelope of envelopes) {
      const ok = ch.publish(this.names.eventsExchange, envelope.type, Buffer.from(JSON.stringify(envelope)), messageProperties(envelope));
      if (!ok) await drained(ch);
    }
    await ch.waitForConfirms();
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
