import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from './connection';
import { Names, QueueSpec, assertQueue } from './topology';

/**
 * What the inbox consumer and the request server share: one channel per (re)connection, the queue
 * declared with its dead-letter queue, manual acknowledgements with a prefetch, and a stop that
 * takes no new message and waits for those in hand. The channel is in confirm mode, so that a copy
 * published from it (a retry, a dead letter) is known to be on the broker before the original is
 * acknowledged.
 */
export abstract class QueueConsumer {
  private channel: ConfirmChannel | null = null;
  private consumerTag: string | null = null;
  private inFlight = 0;
  private idle: Array<() => void> = [];
  private stopped = false;

  protected constructor(
    protected readonly connection: AmqpConnection,
    protected readonly names: Names,
    private readonly prefetch: number,
  ) {
    connection.register((conn) => this.setup(conn));
  }

  abstract get spec(): QueueSpec;

  /** Handles one message and settles it on `ch`, the channel it came on. */
  protected abstract handle(ch: ConfirmChannel, msg: ConsumeMessage): Promise<void>;

  /** Declares whatever else this consumer publishes to (after its own queue, on each connection). */
  protected async declareMore(_ch: ConfirmChannel): Promise<void> {}

  /** Stops taking new messages and waits for those being handled. */
  async stop(): Promise<void> {
    this.stopped = true;
    const ch = this.channel;
    if (ch && this.consumerTag) await ch.cancel(this.consumerTag).catch(() => undefined);
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private async setup(conn: ChannelModel): Promise<void> {
    const ch = await conn.createConfirmChannel();
    const name = this.spec.name;
    ch.on('error', () => undefined);
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = null;
      if (!this.stopped) this.connection.restart(`channel of ${name} closed`);
    });
    const queue = await assertQueue(ch, this.names, this.spec);
    await this.declareMore(ch);
    await ch.prefetch(this.prefetch);
    this.channel = ch;
    if (this.stopped) return;
    const { consumerTag } = await ch.consume(
      queue,
      (msg) => {
        // null: the broker cancelled the consumer (queue deleted); start over.
        if (msg === null) return this.connection.restart(`consumer of ${name} cancelled by the broker`);
        void this.track(this.handle(ch, msg));
      },
      { noAck: false },
    );
    this.consumerTag = consumerTag;
  }

  private async track(work: Promise<void>): Promise<void> {
    this.inFlight += 1;
    try {
      await work;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}

/**
 * Acks and nacks belong to the channel the message came on. If that channel is gone the broker has
 * already put the message back; the inbox makes its redelivery harmless.
 */
export function settle(action: () => void): void {
  try {
    action();
  } catch {
    // channel closed: nothing to settle
  }
}

/** Publishes on a confirm channel and resolves once the broker confirmed it; rejects when it refused or the channel went away. */
export function publishConfirmed(ch: ConfirmChannel, exchange: string, routingKey: string, content: Buffer, options: Parameters<ConfirmChannel['publish']>[3]): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      ch.publish(exchange, routingKey, content, options, (err) => (err ? reject(err instanceof Error ? err : new Error('the broker refused the message')) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
