import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Messaging } from '@accessdesk/messaging';
import { PollingWorker, PollingWorkerOptions } from '@accessdesk/persistence';

/** How much later a row whose step failed is tried again. */
export const POSTPONE_AFTER_FAILURE_MS = 60_000;

/**
 * Durable work kept in a table (staff-tool actions, e-mails, review reminders, paperwork chases),
 * done by a `PollingWorker` in the service's lifecycle: started once the app is up, stopped before
 * messaging and the database close (their hooks come later), woken by `kick()` after a commit that
 * added work. Each round claims one due row and does it in one transaction with its outbox messages,
 * so a step is either done with its messages or not at all. A row whose step fails is put back
 * `POSTPONE_AFTER_FAILURE_MS` later, so that it never holds up the rows due after it (the oldest due
 * row is claimed first, so without that one faulty row would stop them all).
 */
export abstract class DueWorkService<T extends ObjectLiteral & { nextAttemptAt: Date }> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private readonly worker: PollingWorker;

  protected constructor(
    protected readonly messaging: Messaging,
    private readonly entity: EntityTarget<T>,
    name: string,
    context: string,
    options: PollingWorkerOptions,
  ) {
    this.logger = new Logger(context);
    this.worker = new PollingWorker(name, () => this.runOnce(), this.logger, options);
  }

  /** Claims the next due row (`FOR UPDATE SKIP LOCKED`), or null when nothing is due. */
  protected abstract claim(manager: EntityManager): Promise<T | null>;

  /** Takes the claimed row one step further, in the round's transaction. */
  protected abstract work(manager: EntityManager, row: T): Promise<void>;

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  /** Wakes the worker after a commit that may have added due work. */
  kick(): void {
    this.worker.kick();
  }

  /** One round: false when nothing was due. */
  async runOnce(): Promise<boolean> {
    const round: { claimed: T | null } = { claimed: null };
    try {
      return await this.messaging.transaction(async (manager) => {
        const row = await this.claim(manager);
        if (!row) return false;
        round.claimed = row;
        await this.work(manager, row);
        return true;
      });
    } catch (err) {
      const failed = round.claimed;
      if (!failed) throw err;
      // The step rolled back; the row waits, and the rows behind it go on. When the database itself
      // is gone this fails too, and the worker backs off as for any failed round.
      const until = new Date(Date.now() + POSTPONE_AFTER_FAILURE_MS);
      const id = await this.messaging.transaction(async (manager) => {
        const repository = manager.getRepository(this.entity);
        // Each table of due work has a single uuid key.
        const key = repository.getId(failed) as string;
        await repository.update(key, { nextAttemptAt: until } as never);
        return key;
      });
      this.logger.error(`${id}: step failed, tried again at ${until.toISOString()}: ${err instanceof Error ? err.message : String(err)}`);
      return true;
    }
  }
}
