import { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { Envelope } from '@accessdesk/contracts';
import { Backoff, PollingWorker, Statement, qualifiedTable } from '@accessdesk/persistence';
import { MessagingLogger } from './logger';
import { ConfirmPublisher, NotConnectedError } from './publisher';

/** Rows taken per round; a full batch means there may be more, so the relay goes again at once. */
const RELAY_BATCH = 100;
/** Fallback poll when no commit woke the relay (a commit by another instance, a missed wake-up). */
export const DEFAULT_RELAY_POLL_MS = 1_000;
/** After failed rounds in a row (broker or database away) the relay waits 200 ms, 400 ms, … at most 5 s. */
const RELAY_FAILURE_BACKOFF: Backoff = { firstMs: 200, maxMs: 5_000 };
/** Published rows are kept this long for inspection, then removed. */
const PUBLISHED_RETENTION = '7 days';
const PRUNE_EVERY_MS = 60 * 60 * 1_000;

/** The flag `addToOutbox` leaves on a transaction, so that its commit wakes the relay. */
const OUTBOX_WRITTEN = 'accessdesk:outbox-written';

/**
 * The transactional outbox: messages are rows written in the same transaction as the state change
 * that causes them, so a commit either has its messages or has nothing.
 */
export async function addToOutbox(manager: EntityManager, envelopes: Envelope[]): Promise<void> {
  for (const statement of outboxStatements(manager, envelopes)) await manager.query(statement.sql, statement.params);
}

/**
 * The rows `addToOutbox` writes, as statements the caller runs in the same transaction, e.g. together
 * with other writes in one round trip (`runTogether`, libs/persistence).
 */
export function outboxStatements(manager: EntityManager, envelopes: Envelope[]): Statement[] {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('the outbox is written inside a transaction only');
  // The commit wakes the relay; a statement not run in the end only wakes it for nothing.
  if (envelopes.length > 0) runner.data = { ...runner.data, [OUTBOX_WRITTEN]: true };
  return envelopes.map((envelope) => ({
    sql: `INSERT INTO ${qualifiedTable(manager, 'outbox')} (id, routing_key, envelope) VALUES ($1, $2, $3)`,
    params: [envelope.id, envelope.type, JSON.stringify(envelope)],
  }));
}

interface OutboxRow {
  seq: string;
  envelope: Envelope;
}

/**
 * Publishes outbox rows with publisher confirms and marks them published. Woken right after a
 * commit that wrote to the outbox (a TypeORM subscriber on the data source: whichever code opened
 * the transaction), polling as a fallback, in the worker loop every durable table uses
 * (`PollingWorker`); `FOR UPDATE SKIP LOCKED` lets several instances share it. A row whose confirm
 * arrived but whose mark did not commit is published again: consumers de-duplicate.
 */
export class OutboxRelay implements EntitySubscriberInterface {
  private readonly worker: PollingWorker;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: ConfirmPublisher,
    logger: MessagingLogger,
    pollMs: number = DEFAULT_RELAY_POLL_MS,
  ) {
    // A full batch means there may be more: the loop goes again at once.
    this.worker = new PollingWorker('outbox relay', async () => (await this.drainOnce()) === RELAY_BATCH, logger, { pollMs, failureBackoff: RELAY_FAILURE_BACKOFF });
    dataSource.subscribers.push(this);
  }

  /** A commit that wrote to the outbox wakes the relay; one that wrote nothing there does not. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.data?.[OUTBOX_WRITTEN]) this.kick();
  }

  start(): void {
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
  }

  isRunning(): boolean {
    return this.worker.isRunning();
  }

  kick(): void {
    this.worker.kick();
  }

  /**
   * One round: publish up to a batch; returns how many rows went out. While the broker cannot take
   * them (not connected, or blocked by a memory or disk alarm) no transaction is opened at all, so no
   * row lock is held for the length of an alarm.
   */
  async drainOnce(): Promise<number> {
    const notNow = this.publisher.whyNotPublishing();
    if (notNow) throw new NotConnectedError(notNow);
    const published = await this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, envelope FROM ${qualifiedTable(manager, 'outbox')}
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [RELAY_BATCH],
      );
      if (rows.length === 0) return 0;
      await this.publisher.publishAll(rows.map((r) => r.envelope));
      await manager.query(`UPDATE ${qualifiedTable(manager, 'outbox')} SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
    await this.pruneNow();
    return published;
  }

  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(
      `DELETE FROM ${qualifiedTable(this.dataSource, 'outbox')} WHERE published_at < now() - interval '${PUBLISHED_RETENTION}'`,
    );
  }
}
