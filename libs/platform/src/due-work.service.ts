import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Messaging } from '@accessdesk/messaging';
import { PollingWorker, PollingWorkerOptions } from '@accessdesk/persistence';

/**
 * Durable work kept in a table (staff-tool actions, e-mails, review reminders, paperwork chases),
 * done by a `PollingWorker` in the service's lifecycle: started once the app is up, stopped before
 * messaging and the database close (their hooks come later), woken by `kick()` after a commit that
 * added work. Each round claims one due row and does it in one transaction with its outbox messages,
 * so a step is either done with its messages or not at all.
 */
export abstract class DueWorkService<T> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private readonly worker: PollingWorker;

  protected constructor(
    protected readonly messaging: Messaging,
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
    return this.messaging.transaction(async (manager) => {
      const row = await this.claim(manager);
      if (!row) return false;
      await this.work(manager, row);
      return true;
    });
  }
}
