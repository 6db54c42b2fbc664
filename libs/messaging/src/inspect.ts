import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';

export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** A prefix for every exchange and queue of one test run, so runs never meet. */
export function testPrefix(): string {
  return `test-${randomBytes(4).toString('hex')}.`;
}

// Broker inspection for tests and tools; kept here so that amqplib stays inside this library.

/**
 * Deletes what a test run declared: its exchanges and every queue starting with the prefix. Queue
 * names are known to the caller; dead-letter queues are derived.
 */
export async function deleteTopology(prefix: string, queues: string[], url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): Promise<void> {
  const conn = await connect(url);
  try {
    const ch = await conn.createChannel();
    for (const q of queues) {
      await ch.deleteQueue(q);
      await ch.deleteQueue(`${q}.dlq`);
    }
    await ch.deleteExchange(`${prefix}accessdesk.events`);
    await ch.deleteExchange(`${prefix}accessdesk.dlx`);
    await ch.close();
  } finally {
    await conn.close();
  }
}

/** Reads (and removes) what is in a queue right now, without waiting. */
export async function drainQueue(queue: string, url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): Promise<Buffer[]> {
  const conn = await connect(url);
  try {
    const ch = await conn.createChannel();
    const out: Buffer[] = [];
    for (;;) {
      const msg = await ch.get(queue, { noAck: false });
      if (!msg) break;
      out.push(msg.content);
      ch.ack(msg);
    }
    await ch.close();
    return out;
  } finally {
    await conn.close();
  }
}
