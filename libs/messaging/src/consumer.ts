import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { Envelope, MessageContract } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { InvalidMessageError, parseEnvelope, validatePayload } from './envelope';
import { MessagingLogger, errorText } from './logger';
import { qualified } from './outbox';
import { Names, QueueSpec, assertQueue } from './topology';

/** Pause before a failed message is handed back, growing with its attempts, so a failure does not spin. */
const RETRY_BACKOFF_BASE_MS = 100;
const RETRY_BACKOFF_MAX_MS = 2_000;

/** The effect of one message type, run inside the transaction that also records the message in the inbox. */
export interface MessageHandler<P extends object = object> {
  contract: MessageContract<P>;
  handle(envelope: Envelope<P>, payload: P, manager: EntityManager): Promise<void>;
}

export function on<P extends object>(
  contract: MessageContract<P>,
  handle: (envelope: Envelope<P>, payload: P, manager: EntityManager) => Promise<void>,
): MessageHandler<P> {
  return { contract, handle };
}

export interface ConsumerOptions {
  /** `<service>.<purpose>` without prefix, e.g. `intake.events`. */
  queue: string;
  handlers: MessageHandler[];
  prefetch: number;
  deliveryLimit: number;
}

/**
 * Consumes one quorum queue with manual acknowledgements. Per message: validate the envelope and the
 * payload (invalid → dead-letter queue at once), then in one transaction record the message id in
 * the inbox and run the handler; acknowledge only after that commit. A redelivered message finds its
 * id in the inbox and has no second effect. A failing handler is retried until `x-delivery-limit`,
 * after which the broker moves the message to the dead-letter queue.
 */
export class InboxConsumer {
  private channel: Channel | null = null;
  private consumerTag: string | null = null;
  private readonly handlers = new Map<string, MessageHandler>();
  private inFlight = 0;
  private idle: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly names: Names,
    private readonly dataSource: DataSource,
    private readonly options: ConsumerOptions,
    private readonly logger: MessagingLogger,
    private readonly afterCommit: () => void,
  ) {
    for (const h of options.handlers) this.handlers.set(h.contract.type, h);
    connection.register((conn) => this.setup(conn));
  }

  get spec(): QueueSpec {
    return { name: this.options.queue, bindings: [...this.handlers.keys()], deliveryLimit: this.options.deliveryLimit };
  }

  private async setup(conn: ChannelModel): Promise<void> {
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = null;
      if (!this.stopped) this.connection.restart(`consumer channel of ${this.options.queue} closed`);
    });
    const queue = await assertQueue(ch, this.names, this.spec);
    await ch.prefetch(this.options.prefetch);
    this.channel = ch;
    if (this.stopped) return;
    const { consumerTag } = await ch.consume(
      queue,
      (msg) => {
        // null: the broker cancelled the consumer (queue deleted); start over.
        if (msg === null) return this.connection.restart(`consumer of ${this.options.queue} cancelled by the broker`);
        void this.deliver(ch, msg);
      },
      { noAck: false },
    );
    this.consumerTag = consumerTag;
  }

  /** Stops taking new messages and waits for those being handled. */
  async stop(): Promise<void> {
    this.stopped = true;
    const ch = this.channel;
    if (ch && this.consumerTag) await ch.cancel(this.consumerTag).catch(() => undefined);
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private async deliver(ch: Channel, msg: ConsumeMessage): Promise<void> {
    this.inFlight += 1;
    const tag = `${this.options.queue} message ${msg.properties.messageId ?? '(no id)'}`;
    try {
      let envelope: Envelope<unknown>;
      let handler: MessageHandler;
      let payload: object;
      try {
        envelope = parseEnvelope(msg.content);
        const found = this.handlers.get(envelope.type);
        if (!found) throw new InvalidMessageError(`no handler for type ${envelope.type}`);
        handler = found;
        payload = validatePayload(handler.contract, envelope.payload);
      } catch (err) {
        // Anything that does not parse or validate is poison: it goes to the dead-letter queue, never back.
        const reason = err instanceof InvalidMessageError ? err.message : `unreadable: ${errorText(err)}`;
        this.logger.warn(`${tag} dead-lettered: ${reason}`, 'InboxConsumer');
        settle(ch, () => ch.nack(msg, false, false));
        return;
      }
      try {
        const duplicate = await this.dataSource.transaction(async (manager) => {
          const rows: unknown[] = await manager.query(
            `INSERT INTO ${qualified(manager, 'inbox')} (message_id, queue, type) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING message_id`,
            [envelope.id, this.options.queue, envelope.type],
          );
          if (rows.length === 0) return true;
          await handler.handle({ ...envelope, payload }, payload, manager);
          return false;
        });
        if (duplicate) this.logger.debug?.(`${tag} already handled; acknowledged without effect`, 'InboxConsumer');
        else this.afterCommit();
        settle(ch, () => ch.ack(msg));
      } catch (err) {
        const attempt = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
        this.logger.warn(
          `${tag} (${envelope.type}, case ${envelope.correlationId}) failed on attempt ${attempt} of ${this.options.deliveryLimit + 1}: ${errorText(err)}`,
          'InboxConsumer',
        );
        const backoff = Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_BASE_MS * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, backoff));
        settle(ch, () => ch.nack(msg, false, true));
      }
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}

/**
 * Acks and nacks belong to the channel the message came on. If that channel is gone the broker has
 * already put the message back, and the inbox makes its redelivery harmless.
 */
function settle(ch: Channel, action: () => void): void {
  try {
    action();
  } catch {
    // channel closed: nothing to settle
  }
}
