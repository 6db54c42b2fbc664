/** Named periods of a worker; a service may pass its own. */
export const DEFAULT_WORKER_POLL_MS = 1_000;
const FAILURE_BACKOFF_MAX_MS = 10_000;

export interface WorkerLogger {
  warn(message: string, context?: string): void;
}

/**
 * Runs durable work kept in a table: `runOnce` claims one due row (`FOR UPDATE SKIP LOCKED`),
 * does it, commits, and answers whether it found any. The worker goes again at once while there is
 * work, is woken by `kick()` after a commit that added work, and polls as a fallback — so due dates
 * live in the database, never in timers, and a restart loses nothing.
 */
export class PollingWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private kicked = false;
  private failures = 0;

  constructor(
    private readonly name: string,
    private readonly runOnce: () => Promise<boolean>,
    private readonly logger: WorkerLogger,
    private readonly pollMs: number = DEFAULT_WORKER_POLL_MS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      let found = false;
      try {
        found = await this.runOnce();
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        this.logger.warn(`${this.name} round failed (${this.failures} in a row): ${err instanceof Error ? err.message : String(err)}`, 'PollingWorker');
      }
      if (!this.running) break;
      if ((found || this.kicked) && this.failures === 0) continue;
      const wait = this.failures > 0 ? Math.min(FAILURE_BACKOFF_MAX_MS, 100 * 2 ** this.failures) : this.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
    }
  }
}
