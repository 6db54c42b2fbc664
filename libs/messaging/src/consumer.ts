import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { Envelope, MessageContract, redactIdentityNumbers } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { InvalidMessageError, parseEnvelope, validatePayload } from './envelope';
import { isTransient } from './errors';
import { MessagingLogger, errorText } from './logger';
import { qualifiedTable } from '@accessdesk/persistence';
import { QueueConsumer, publishConfirmed, settle } from './queue-consumer';
import { RequestPriority } from './request-priority';
import { DEATH_HEADERS, DEFAULT_RETRY_POLICY, RETRY_HEADERS, RetryPolicy, failureHistory, nextStep } from './retry';
import { Names, QueueSpec, assertRetryQueue } from './topology';

/** A reason or error kept in a header is cut to this length. */
const HEADER_TEXT_MAX = 500;

/** What to do once the handler's transaction committed (wake a worker that has new work). */
export type AfterCommit = () => void;

/**
 * The effect of one message type, run inside the transaction that also records the message in the
 * inbox. It may answer what to do once that transaction committed.
 */
export interface MessageHandler<P extends object = object> {
  contract: MessageContract<P>;
  /** Whether the service wants this message at all; one it does not want is acknowledged without a transaction. */
  wants?(payload: P): boolean;
  handle(envelope: Envelope<P>, payload: P, manager: EntityManager): Promise<void | AfterCommit>;
}

export function on<P extends object>(
  contract: MessageContract<P>,
  handle: (envelope: Envelope<P>, payload: P, manager: EntityManager) => Promise<void | AfterCommit>,
): MessageHandler<P> {
  return { contract, handle };
}

export interface ConsumerOptions {
  /** `<service>.<purpose>` without prefix, e.g. `intake.events`. */
  queue: string;
  handlers: MessageHandler[];
  prefetch: number;
  deliveryLimit: number;
  /** How a failed message waits and comes back (retry.ts); the default outlasts an hour's outage. */
  retry?: RetryPolicy;
}

/**
 * Consumes one quorum queue with manual acknowledgements. Per message: validate the envelope and the
 * payload (invalid → dead-letter queue at once), then in one transaction record the message id in
 * the inbox and run the handler; acknowledge only after that commit. A redelivered message finds its
 * id in the inbox and has no second effect. A failing handler rolls its transaction back and the
 * message waits in a delay queue and comes back (retry.ts): a transient failure for as long as an
 * outage may last, any other a few times, then to the dead-letter queue with the reason. Only
 * deliveries that were never settled (a killed consumer, a broker restart) count toward
 * `x-delivery-limit`, after which the broker dead-letters the message itself.
 */
export class InboxConsumer extends QueueConsumer {
  private readonly handlers = new Map<string, MessageHandler>();

  constructor(
    connection: AmqpConnection,
    names: Names,
    private readonly dataSource: DataSource,
    private readonly options: ConsumerOptions,
    private readonly logger: MessagingLogger,
    private readonly priority: RequestPriority = new RequestPriority(0),
  ) {
    super(connection, names, options.prefetch);
    for (const h of options.handlers) this.handlers.set(h.contract.type, h);
  }

  get spec(): QueueSpec {
    return { name: this.options.queue, bindings: [...this.handlers.keys()], deliveryLimit: this.options.deliveryLimit };
  }

  private get policy(): RetryPolicy {
    return this.options.retry ?? DEFAULT_RETRY_POLICY;
  }

  protected override async declareMore(ch: ConfirmChannel): Promise<void> {
    for (const delayMs of new Set(this.policy.delaysMs)) await assertRetryQueue(ch, this.names, delayMs);
  }

  protected async handle(ch: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
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
        const reason = err instanceof InvalidMessageError ? `invalid: ${err.message}` : `unreadable: ${errorText(err)}`;
        await this.deadLetter(ch, msg, tag, reason, 0);
        return;
      }
      if (handler.wants && !handler.wants(payload)) {
        this.logger.debug?.(`${tag} (${envelope.type}) not for this service; acknowledged without a transaction`, 'InboxConsumer');
        settle(() => ch.ack(msg));
        return;
      }
      try {
        await this.priority.yieldToRequests();
        const outcome = await this.dataSource.transaction(async (manager) => {
          const rows: unknown[] = await manager.query(
            `INSERT INTO ${qualifiedTable(manager, 'inbox')} (message_id, queue, type) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING message_id`,
            [envelope.id, this.options.queue, envelope.type],
          );
          if (rows.length === 0) return { duplicate: true as const };
          return { duplicate: false as const, afterCommit: await handler.handle({ ...envelope, payload }, payload, manager) };
        });
        if (outcome.duplicate) this.logger.debug?.(`${tag} already handled; acknowledged without effect`, 'InboxConsumer');
        else outcome.afterCommit?.();
        settle(() => ch.ack(msg));
      } catch (err) {
        await this.failed(ch, msg, `${tag} (${envelope.type}, case ${envelope.correlationId})`, err);
      }
    } catch (err) {
      // Whatever escaped above: hand the message back rather than lose it.
      this.logger.error(`${tag} could not be handled: ${errorText(err)}`, 'InboxConsumer');
      settle(() => ch.nack(msg, false, true));
    }
  }

  /** The handler failed: the message waits in a delay queue and comes back, or it dies with the reason. */
  private async failed(ch: ConfirmChannel, msg: ConsumeMessage, tag: string, err: unknown): Promise<void> {
    const transient = isTransient(err);
    const error = headerText(errorText(err));
    const step = nextStep(failureHistory(msg.properties.headers), transient, Date.now(), this.policy, error);
    if (step.kind === 'dead-letter') {
      await this.deadLetter(ch, msg, tag, step.reason, step.failures);
      return;
    }
    this.logger.warn(
      `${tag} failed (${transient ? 'transient' : 'not transient'}, failure ${step.failures}): ${error}; back in ${step.delayMs} ms`,
      'InboxConsumer',
    );
    const headers = {
      ...msg.properties.headers,
      [RETRY_HEADERS.failures]: step.failures,
      [RETRY_HEADERS.firstFailedAt]: step.firstFailedAt,
      [RETRY_HEADERS.lastError]: error,
    };
    await this.forward(ch, msg, tag, this.names.retryQueue(step.delayMs), this.names.queue(this.options.queue), headers);
  }

  /** To `<queue>.dlq`, with why and when, so an operator can read it and replay it. */
  private async deadLetter(ch: ConfirmChannel, msg: ConsumeMessage, tag: string, reason: string, failures: number): Promise<void> {
    const why = headerText(reason);
    this.logger.warn(`${tag} dead-lettered: ${why}`, 'InboxConsumer');
    const headers = {
      ...msg.properties.headers,
      [DEATH_HEADERS.reason]: why,
      [DEATH_HEADERS.diedAt]: new Date().toISOString(),
      [DEATH_HEADERS.queue]: this.options.queue,
      [DEATH_HEADERS.failures]: failures,
    };
    await this.forward(ch, msg, tag, this.names.deadLetterExchange, this.names.queue(this.options.queue), headers);
  }

  /**
   * Publishes a copy and acknowledges the original once the broker confirmed the copy. If the copy
   * cannot be published, the original is left unacknowledged and comes back when the channel does;
   * should both survive, the inbox gives the second no effect.
   */
  private async forward(ch: ConfirmChannel, msg: ConsumeMessage, tag: string, exchange: string, routingKey: string, headers: Record<string, unknown>): Promise<void> {
    try {
      await publishConfirmed(ch, exchange, routingKey, msg.content, { ...msg.properties, headers, persistent: true });
      settle(() => ch.ack(msg));
    } catch (err) {
      this.logger.error(`${tag} could not be set aside (${errorText(err)}); it comes back when the channel does`, 'InboxConsumer');
    }
  }
}

function headerText(text: string): string {
  return redactIdentityNumbers(text).slice(0, HEADER_TEXT_MAX);
}
