/** By default an event waits at most this long for the service's requests before it is handled anyway. */
export const DEFAULT_EVENT_YIELD_MS = 1_000;

/**
 * Requests first. A request has a person waiting on it, under a deadline (the gateway answers 503
 * when it passes); an event is work the system owes, durable in its queue, that nobody waits on
 * second by second. One service handles both on one event loop and one connection pool, so under
 * load its events would take the time its requests need, and requests would miss their deadlines
 * while events queue up behind them anyway. Here an event that arrives while requests are being
 * handled waits until none is, but never longer than `maxWaitMs`: under a steady stream of requests
 * the service still handles its events, a prefetch's worth per `maxWaitMs` at least. `maxWaitMs` 0
 * switches the priority off.
 */
export class RequestPriority {
  private active = 0;
  private waiting = new Set<() => void>();

  constructor(private readonly maxWaitMs: number = DEFAULT_EVENT_YIELD_MS) {}

  /** Handles a request, counted as being handled until it is answered. */
  async request<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      if (this.active === 0) this.release();
    }
  }

  /** Resolves at once when no request is being handled; otherwise when none is, or after `maxWaitMs`. */
  async yieldToRequests(): Promise<void> {
    if (this.active === 0 || this.maxWaitMs <= 0) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.maxWaitMs);
      this.waiting.add(done);
    });
  }

  /** Requests being handled now. */
  get inProgress(): number {
    return this.active;
  }

  private release(): void {
    for (const done of [...this.waiting]) done();
  }
}
