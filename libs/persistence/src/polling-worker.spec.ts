import { PollingWorker } from './polling-worker';

const silent = { warn: () => undefined };

describe('PollingWorker', () => {
  it('runs its lanes at once and goes on while there is work', async () => {
    let queue = 8;
    let inFlight = 0;
    let widest = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = new PollingWorker(
      'test',
      async () => {
        if (queue === 0) return false;
        queue -= 1;
        inFlight += 1;
        widest = Math.max(widest, inFlight);
        await gate;
        inFlight -= 1;
        return true;
      },
      silent,
      { pollMs: 60_000, concurrency: 3 },
    );
    worker.start();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const deadline = Date.now() + 2_000;
    while (queue > 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    await worker.stop();
    expect(queue).toBe(0);
    expect(widest).toBe(3);
  });

  it('wakes on kick instead of waiting for the poll', async () => {
    let work = 0;
    let done = 0;
    const worker = new PollingWorker('test', async () => (work > 0 ? (work--, done++, true) : false), silent, { pollMs: 60_000 });
    worker.start();
    await new Promise((resolve) => setImmediate(resolve));
    work = 1;
    worker.kick();
    const deadline = Date.now() + 2_000;
    while (done === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    await worker.stop();
    expect(done).toBe(1);
  });

  it('wakes one waiting lane for a kick, not every lane', async () => {
    let rounds = 0;
    const worker = new PollingWorker('test', async () => (rounds++, false), silent, { pollMs: 60_000, concurrency: 4 });
    worker.start();
    // Each lane's first round finds nothing, and the lane waits for the poll or a kick.
    while (rounds < 4) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    worker.kick();
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    await worker.stop();
    expect(rounds).toBe(5);
  });

  it('keeps going after a failed round', async () => {
    let calls = 0;
    const worker = new PollingWorker(
      'test',
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
        return false;
      },
      silent,
      { pollMs: 10 },
    );
    worker.start();
    const deadline = Date.now() + 3_000;
    while (calls < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await worker.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
