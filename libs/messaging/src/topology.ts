import type { Channel } from 'amqplib';

/**
 * Names and shapes on the broker, in one place. Every name takes the run's prefix (empty in
 * production, a per-run prefix in tests) so that test runs never meet each other.
 */
export const EVENTS_EXCHANGE = 'accessdesk.events';
export const DEAD_LETTER_EXCHANGE = 'accessdesk.dlx';

/** Delivery attempts before a message goes to the dead-letter queue. */
export const DEFAULT_DELIVERY_LIMIT = 5;
/** Unacknowledged messages a consumer holds at once. */
export const DEFAULT_PREFETCH = 16;

export interface QueueSpec {
  /** `<service>.<purpose>`, without the prefix. */
  name: string;
  /** Routing keys bound on the events exchange (none for a request/reply queue). */
  bindings: string[];
  deliveryLimit: number;
}

export class Names {
  constructor(readonly prefix: string) {}
  get eventsExchange(): string {
    return `${this.prefix}${EVENTS_EXCHANGE}`;
  }
  get deadLetterExchange(): string {
    return `${this.prefix}${DEAD_LETTER_EXCHANGE}`;
  }
  queue(name: string): string {
    return `${this.prefix}${name}`;
  }
  deadLetterQueue(name: string): string {
    return `${this.prefix}${name}.dlq`;
  }
  /** The delay queue (and its fanout exchange, of the same name) that holds a retried copy `delayMs`. */
  retryQueue(delayMs: number): string {
    return `${this.prefix}${RETRY_QUEUE_STEM}${delayMs}`;
  }
}

/** `accessdesk.retry.<ms>`: one delay queue per delay, shared by every queue of the system. */
export const RETRY_QUEUE_STEM = 'accessdesk.retry.';

export async function assertExchanges(ch: Channel, names: Names): Promise<void> {
  await ch.assertExchange(names.eventsExchange, 'topic', { durable: true });
  await ch.assertExchange(names.deadLetterExchange, 'direct', { durable: true });
}

/**
 * A quorum queue with its dead-letter queue. Dead-lettering is at-least-once (RabbitMQ ≥ 3.10), which
 * requires `reject-publish` overflow; a message that is rejected or passes `x-delivery-limit` is moved
 * to `<name>.dlq` and never lost.
 */
export async function assertQueue(ch: Channel, names: Names, spec: QueueSpec): Promise<string> {
  // Idempotent and cheap: a queue never depends on another component having declared the exchanges.
  await assertExchanges(ch, names);
  const queue = names.queue(spec.name);
  const dlq = names.deadLetterQueue(spec.name);
  await ch.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(dlq, names.deadLetterExchange, queue);
  await ch.assertQueue(queue, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': spec.deliveryLimit,
      'x-dead-letter-exchange': names.deadLetterExchange,
      'x-dead-letter-routing-key': queue,
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
    },
  });
  for (const key of spec.bindings) await ch.bindQueue(queue, names.eventsExchange, key);
  return queue;
}

/**
 * A delay queue: what is published to its exchange (routing key = the queue it goes back to) waits
 * `delayMs` and is then dead-lettered through the default exchange, under that same routing key, to
 * its queue. Every message in it waits the same time, so none waits behind a longer one. Quorum and
 * at-least-once like every other queue: a waiting copy survives a broker restart.
 */
export async function assertRetryQueue(ch: Channel, names: Names, delayMs: number): Promise<string> {
  const name = names.retryQueue(delayMs);
  await ch.assertExchange(name, 'fanout', { durable: true });
  await ch.assertQueue(name, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-strategy': 'at-least-once',
      'x-overflow': 'reject-publish',
    },
  });
  await ch.bindQueue(name, name, '');
  return name;
}
