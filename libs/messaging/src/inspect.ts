import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import { DEFAULT_RETRY_DELAYS_MS } from './retry';
import { RETRY_QUEUE_STEM } from './topology';

export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** A prefix for every exchange and queue of one test run, so runs never meet. */
export function testPrefix(): string {
  return `test-${randomBytes(4).toString('hex')}.`;
}

// Broker inspection for tests and tools; kept here so that amqplib stays inside this library.

/**
 * Deletes what a test run declared: its exchanges and every queue starting with the prefix. Queue
 * names are known to the caller; dead-letter queues and the delay queues of `retryDelaysMs` are derived.
 */
export async function deleteTopology(
  prefix: string,
  queues: string[],
  url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
  retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
): Promise<void> {
  const conn = await connect(url);
  try {
    const ch = await conn.createChannel();
    for (const q of queues) {
      await ch.deleteQueue(q);
      await ch.deleteQueue(`${q}.dlq`);
    }
    for (const delayMs of retryDelaysMs) {
      await ch.deleteQueue(`${prefix}${RETRY_QUEUE_STEM}${delayMs}`);
      await ch.deleteExchange(`${prefix}${RETRY_QUEUE_STEM}${delayMs}`);
    }
    await ch.deleteExchange(`${prefix}accessdesk.events`);
    await ch.deleteExchange(`${prefix}accessdesk.dlx`);
    await ch.close();
  } finally {
    await conn.close();
  }
}

/** Messages ready in `queue` (not those delivered and not yet acknowledged). */
export async function readyMessages(queue: string, url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): Promise<number> {
  const conn = await connect(url);
  try {
    const ch = await conn.createChannel();
    const { messageCount } = await ch.checkQueue(queue);
    await ch.close();
    return messageCount;
  } finally {
    await conn.close();
  }
}

/** Reads (and removes) what is in a queue right now, without waiting. */
export async function drainQueue(queue: string, url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): Promise<Buffer[]> {
  return (await drainMessages(queue, url)).map((m) => m.content);
}

/** Reads (and removes) what is in a queue right now, with each message's headers. */
export async function drainMessages(queue: string, url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): Promise<Array<{ content: Buffer; headers: Record<string, unknown> }>> {
  const conn = await connect(url);
  try {
    const ch = await conn.createChannel();
    const out: Array<{ content: Buffer; headers: Record<string, unknown> }> = [];
    for (;;) {
      const msg = await ch.get(queue, { noAck: false });
      if (!msg) break;
      out.push({ content: msg.content, headers: (msg.properties.headers ?? {}) as Record<string, unknown> });
      ch.ack(msg);
    }
    await ch.close();
    return out;
  } finally {
    await conn.close();
  }
}

/** Publishes a raw body with confirms, as a misbehaving producer (or the broker's dead-lettering) would: for tests. */
export async function publishRaw(
  exchange: string,
  routingKey: string,
  body: string | object,
  headers: Record<string, unknown> = {},
  url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
): Promise<void> {
  const conn = await connect(url);
  try {
    const ch = await conn.createConfirmChannel();
    ch.publish(exchange, routingKey, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), { persistent: true, headers });
    await ch.waitForConfirms();
  } finally {
    await conn.close();
  }
}
