import type { Channel, ChannelModel, ConfirmChannel, GetMessage } from 'amqplib';
import { connect } from 'amqplib';
import { DeadLetterView, redactIdentityNumbers } from '@accessdesk/contracts';
import { publishConfirmed } from './queue-consumer';
import { DEATH_HEADERS, RETRY_HEADERS } from './retry';
import { Names } from './topology';

// The operator's way back from the dead-letter queues (issue "Faults never leave a case stuck or
// wrong", item 2): read what died and why, send it back to the queue it came from (safe: the inbox
// de-duplicates), and throw away request/reply dead letters, whose caller is long gone.

/** One dead letter as an operator sees it: what, whose case, when and why it died, never its payload. */
export type DeadLetterSummary = DeadLetterView;

export interface DeadLetterSelection {
  queue?: string;
  type?: string;
  caseId?: string;
  messageIds?: string[];
}

/** What one message in a dead-letter queue looks like to the selection and the summary. */
type Letter = Pick<GetMessage, 'properties' | 'content'>;

const READ_LIMIT_DEFAULT = 500;

function headerOf(letter: Letter, name: string): unknown {
  return (letter.properties.headers ?? {})[name];
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

function firstDeath(letter: Letter): { reason?: unknown; count?: unknown; time?: unknown } | undefined {
  const deaths = headerOf(letter, 'x-death');
  return Array.isArray(deaths) ? (deaths[0] as { reason?: unknown; count?: unknown; time?: unknown }) : undefined;
}

/** The envelope's own id, type, case and region, for a letter published without them in its properties. */
function envelopeFields(content: Buffer): Partial<Record<'id' | 'type' | 'correlationId' | 'region', string>> {
  try {
    const parsed = JSON.parse(content.toString('utf8')) as Record<string, unknown>;
    const pick = (key: string) => (typeof parsed[key] === 'string' ? (parsed[key] as string) : undefined);
    return { id: pick('id'), type: pick('type'), correlationId: pick('correlationId'), region: pick('region') };
  } catch {
    return {};
  }
}

export function summarize(queue: string, letter: Letter): DeadLetterSummary {
  const death = firstDeath(letter);
  const envelope = envelopeFields(letter.content);
  const failures = Number(headerOf(letter, DEATH_HEADERS.failures));
  const time = death?.time as { value?: unknown } | Date | undefined;
  const brokerTime = time instanceof Date ? time.toISOString() : typeof time?.value === 'number' ? new Date(time.value * 1000).toISOString() : null;
  return {
    queue,
    messageId: text(letter.properties.messageId) ?? envelope.id ?? null,
    type: text(letter.properties.type) ?? envelope.type ?? null,
    caseId: text(letter.properties.correlationId) ?? envelope.correlationId ?? null,
    region: text(headerOf(letter, 'region')) ?? envelope.region ?? null,
    diedAt: text(headerOf(letter, DEATH_HEADERS.diedAt)) ?? brokerTime,
    // Our own reason, else the broker's (`delivery_limit`, `rejected`, `expired`); never a personnummer.
    reason: (() => {
      const why = text(headerOf(letter, DEATH_HEADERS.reason)) ?? text(death?.reason);
      return why === null ? null : redactIdentityNumbers(why);
    })(),
    failures: Number.isFinite(failures) ? failures : null,
    deaths: Number(death?.count ?? 1) || 1,
  };
}

export function selects(selection: DeadLetterSelection, summary: DeadLetterSummary): boolean {
  if (selection.queue && selection.queue !== summary.queue) return false;
  if (selection.type && selection.type !== summary.type) return false;
  if (selection.caseId && selection.caseId !== summary.caseId) return false;
  if (selection.messageIds && (!summary.messageId || !selection.messageIds.includes(summary.messageId))) return false;
  return true;
}

/** The envelope of a dead letter with every personnummer in it masked: for `show`. */
export function redactedEnvelope(content: Buffer): unknown {
  const raw = redactIdentityNumbers(content.toString('utf8'));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return { unreadable: raw.slice(0, 2000) };
  }
}

/**
 * The dead-letter queues of `queues` on one broker. Reading takes each message without settling it
 * and lets it go back when the channel closes, so a read changes nothing; replay publishes a copy
 * to the queue the letter came from (confirmed) and only then removes the letter.
 */
export class DeadLetterQueues {
  constructor(
    private readonly url: string,
    private readonly names: Names,
    private readonly queues: readonly string[],
  ) {}

  /** How many dead letters each queue has (0 for a queue that was never declared). */
  async counts(): Promise<Array<{ queue: string; deadLetters: number }>> {
    return this.withChannel(async (_ch, conn) => {
      const out: Array<{ queue: string; deadLetters: number }> = [];
      for (const queue of this.queues) out.push({ queue, deadLetters: await countOf(conn, this.names.deadLetterQueue(queue)) });
      return out;
    });
  }

  /** The dead letters that match, at most `limit`; `truncated` says when there were more. */
  async list(selection: DeadLetterSelection = {}, limit = READ_LIMIT_DEFAULT): Promise<{ items: DeadLetterSummary[]; truncated: boolean }> {
    const items: DeadLetterSummary[] = [];
    let truncated = false;
    for (const queue of this.selectedQueues(selection)) {
      await this.withChannel(async (ch, conn) => {
        for (const letter of await readAll(ch, conn, this.names.deadLetterQueue(queue))) {
          const summary = summarize(queue, letter);
          if (!selects(selection, summary)) continue;
          if (items.length >= limit) truncated = true;
          else items.push(summary);
        }
      });
    }
    return { items, truncated };
  }

  /** One dead letter with its (masked) envelope, or null. */
  async show(messageId: string): Promise<{ summary: DeadLetterSummary; envelope: unknown } | null> {
    for (const queue of this.queues) {
      const found = await this.withChannel(async (ch, conn) => {
        for (const letter of await readAll(ch, conn, this.names.deadLetterQueue(queue))) {
          if (summarize(queue, letter).messageId === messageId) return { summary: summarize(queue, letter), envelope: redactedEnvelope(letter.content) };
        }
        return null;
      });
      if (found) return found;
    }
    return null;
  }

  /** Sends the matching dead letters back to the queues they came from; returns what went back. */
  async replay(selection: DeadLetterSelection): Promise<DeadLetterSummary[]> {
    const replayed: DeadLetterSummary[] = [];
    for (const queue of this.selectedQueues(selection)) {
      await this.withChannel(async (ch, conn) => {
        for (const letter of await readAll(ch, conn, this.names.deadLetterQueue(queue))) {
          const summary = summarize(queue, letter);
          if (!selects(selection, summary)) continue;
          await publishConfirmed(ch, '', this.names.queue(queue), letter.content, {
            ...letter.properties,
            headers: freshHeaders(letter.properties.headers),
            persistent: true,
          });
          ch.ack(letter as GetMessage);
          replayed.push(summary);
        }
      });
    }
    return replayed;
  }

  /** Removes every dead letter of `queue`; returns how many. */
  async purge(queue: string): Promise<number> {
    if (!this.queues.includes(queue)) throw new Error(`${queue} is not one of this system's queues`);
    return this.withChannel(async (ch, conn) => {
      if ((await countOf(conn, this.names.deadLetterQueue(queue))) === 0) return 0;
      const { messageCount } = await ch.purgeQueue(this.names.deadLetterQueue(queue));
      return messageCount;
    });
  }

  private selectedQueues(selection: DeadLetterSelection): readonly string[] {
    return selection.queue ? this.queues.filter((q) => q === selection.queue) : this.queues;
  }

  /** A connection and confirm channel for one operation; closing it returns every letter not acknowledged. */
  private async withChannel<T>(work: (ch: ConfirmChannel, conn: ChannelModel) => Promise<T>): Promise<T> {
    const conn = await connect(this.url, { clientProperties: { connection_name: 'accessdesk-dead-letters' } });
    try {
      const ch = await conn.createConfirmChannel();
      ch.on('error', () => undefined);
      const result = await work(ch, conn);
      // Closing the channel first settles its acknowledgements: a quorum queue given an ack and the
      // connection's close at once may take back the acknowledged message (seen on RabbitMQ 3.10).
      await ch.close();
      return result;
    } finally {
      await conn.close().catch(() => undefined);
    }
  }
}

/** Headers for a replayed copy: the failure history and the death notes go, the rest stays. */
function freshHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const dropped = new Set<string>([...Object.values(DEATH_HEADERS), ...Object.values(RETRY_HEADERS), 'x-death', 'x-delivery-count']);
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([key]) => !dropped.has(key) && !key.startsWith('x-first-death') && !key.startsWith('x-last-death')));
}

async function countOf(conn: ChannelModel, queue: string): Promise<number> {
  // checkQueue closes the channel when the queue is missing: ask on a channel of its own.
  try {
    const probe = await conn.createChannel();
    probe.on('error', () => undefined);
    try {
      return (await probe.checkQueue(queue)).messageCount;
    } finally {
      await probe.close().catch(() => undefined);
    }
  } catch {
    return 0;
  }
}

/** Takes every message now in `queue` without acknowledging it (they return when the channel closes). */
async function readAll(ch: Channel, conn: ChannelModel, queue: string): Promise<GetMessage[]> {
  if ((await countOf(conn, queue)) === 0) return [];
  const out: GetMessage[] = [];
  for (;;) {
    const msg = await ch.get(queue, { noAck: false });
    if (!msg) break;
    out.push(msg);
  }
  return out;
}
