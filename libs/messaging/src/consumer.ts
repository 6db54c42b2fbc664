import type { Channel, ConsumeMessage } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { Envelope, MessageContract } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { InvalidMessageError, parseEnvelope, validatePayload } from './envelope';
import { MessagingLogger, errorText } from './logger';
import { qualifiedTable } from '@accessdesk/persistence';
import { QueueConsumer, settle } from './queue-consumer';
import { Names, QueueSpec } from './topology';

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
export class InboxConsumer extends QueueConsumer {
  private readonly handlers = new Map<string, MessageHandler>();

  constructor(
    connection: AmqpConnection,
    names: Names,
    private readonly dataSource: DataSource,
    private readonly options: ConsumerOptions,
    private readonly logger: MessagingLogger,
    private readonly afterCommit: () => void,
  ) {
    super(connection, names, options.prefetch);
    for (const h of options.handlers) this.handlers.set(h.contract.type, h);
  }

  get spec(): QueueSpec {
    return { name: this.options.queue, bindings: [...this.handlers.keys()], deliveryLimit: this.options.deliveryLimit };
  }

  protected async handle(ch: Channel, msg: ConsumeMessage): Promise<void> {
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
        settle(() => ch.nack(msg, false, false));
        return;
      }
      try {
        const duplicate = await this.dataSource.transaction(async (manager) => {
          const rows: unknown[] = await manager.query(
            `INSERT INTO ${qualifiedTable(manager, 'inbox')} (message_id, queue, type) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING message_id`,
            [envelope.id, this.options.queue, envelope.type],
          );
          if (rows.length === 0) return true;
          await handler.handle({ ...envelope, payload }, payload, manager);
          return false;
        });
        if (duplicate) this.logger.debug?.(`${tag} already handled; acknowledged without effect`, 'InboxConsumer');
        else this.afterCommit();
        settle(() => ch.ack(msg));
      } catch (err) {
        const attempt = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
        this.logger.warn(
          `${tag} (${envelope.type}, case ${envelope.correlationId}) failed on attempt ${attempt} of ${this.options.deliveryLimit + 1}: ${errorText(err)}`,
          'InboxConsumer',
        );
        const backoff = Math.min(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_BASE_MS * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, backoff));
        settle(() => ch.nack(msg, false, true));
      }
    } catch (err) {
      // Whatever escaped above: hand the message back rather than lose it.
      this.logger.error(`${tag} could not be handled: ${errorText(err)}`, 'InboxConsumer');
      settle(() => ch.nack(msg, false, true));
    }
  }
}
