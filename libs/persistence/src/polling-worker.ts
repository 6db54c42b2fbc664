import { Backoff, backoffMs } from './backoff';

/** Named periods of a worker; a service may pass its own. */
export const DEFAULT_WORKER_POLL_MS = 1_000;
/** After failed rounds in a row a lane waits 200 ms, 400 ms, … at most 10 s. */
const DEFAULT_FAILURE_BACKOFF: Backoff = { firstMs: 200, maxMs: 10_000 };

export interface WorkerLogger {
  warn(message: string, context?: string): void;
}

export interface PollingWorkerOptions {
  pollMs?: number;
  /** Rounds run at once; each claims its own row, so they never take the same work. */
  concurrency?: number;
  /** How long a lane waits after failed rounds in a row. */
  failureBackoff?: Backoff;
}

/**
 * The one worker loop of the code base, for durable work kept in a table (due work, the outbox):
 * `runOnce` claims what is due (`FOR UPDATE SKIP LOCKED`), does it, commits, and answers whether
 * there may be more. Each lane goes again at once while there is, is woken by `kick()` after a
 * commit that added work (a kick during a round makes the lane go again), polls as a fallback, and
 * backs off after failed rounds — so due dates live in the database, never in timers, and a
 * restart loses nothing.
 */
export class PollingWorker {
  private running = false;
  private lanes: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private kicks = 0;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly failureBackoff: Backoff;

  constructor(
    private readonly name: string,
    private readonly runOnce: () => Promise<boolean>,
    private readonly logger: WorkerLogger,
    options: PollingWorkerOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { pollMs: options } : options;
    this.pollMs = o.pollMs ?? DEFAULT_WORKER_POLL_MS;
    this.concurrency = Math.max(1, o.concurrency ?? 1);
    this.failureBackoff = o.failureBackoff ?? DEFAULT_FAILURE_BACKOFF;
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lanes = Array.from({ length: this.concurrency }, () => this.lane());
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await Promise.all(this.lanes);
    this.lanes = [];
  }

  /** New work: one waiting lane wakes for it (a lane in the middle of a round goes again anyway). */
  kick(): void {
    this.kicks += 1;
    const [first] = this.wakers;
    first?.();
  }

  private async lane(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const kicksBefore = this.kicks;
      let found = false;
      try {
        found = await this.runOnce();
        failures = 0;
      } catch (err) {
        failures += 1;
        this.logger.warn(`${this.name} round failed (${failures} in a row): ${err instanceof Error ? err.message : String(err)}`, 'PollingWorker');
      }
      if (!this.running) break;
      if ((found || this.kicks !== kicksBefore) && failures === 0) continue;
      const wait = failures > 0 ? backoffMs(failures, this.failureBackoff) : this.pollMs;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wakers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, wait);
        this.wakers.add(done);
      });
    }
  }
}
