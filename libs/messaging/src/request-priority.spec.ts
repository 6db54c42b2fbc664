import { RequestPriority } from './request-priority';

describe('RequestPriority', () => {
  const settled = async (p: Promise<unknown>): Promise<boolean> => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    return done;
  };

  it('lets an event through at once when no request is being handled', async () => {
    const priority = new RequestPriority(10_000);
    expect(await settled(priority.yieldToRequests())).toBe(true);
  });

  it('holds an event while a request is handled and lets it through when the last request is answered', async () => {
    const priority = new RequestPriority(10_000);
    let finishFirst!: () => void;
    let finishSecond!: () => void;
    const first = priority.request(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = priority.request(() => new Promise<void>((resolve) => (finishSecond = resolve)));
    const event = priority.yieldToRequests();
    expect(priority.inProgress).toBe(2);
    finishFirst();
    await first;
    expect(await settled(event)).toBe(false);
    finishSecond();
    await second;
    expect(await settled(event)).toBe(true);
    expect(priority.inProgress).toBe(0);
  });

  it('lets an event through after the longest wait although requests keep coming', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const priority = new RequestPriority(1_000);
      const request = priority.request(() => new Promise<void>((resolve) => setTimeout(resolve, 5_000)));
      const event = priority.yieldToRequests();
      jest.advanceTimersByTime(999);
      expect(await settled(event)).toBe(false);
      jest.advanceTimersByTime(1);
      expect(await settled(event)).toBe(true);
      jest.advanceTimersByTime(4_000);
      await request;
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts a request that fails as answered', async () => {
    const priority = new RequestPriority(10_000);
    await expect(priority.request(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(priority.inProgress).toBe(0);
    expect(await settled(priority.yieldToRequests())).toBe(true);
  });

  it('is off with a longest wait of 0', async () => {
    const priority = new RequestPriority(0);
    const request = priority.request(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    expect(await settled(priority.yieldToRequests())).toBe(true);
    await request;
  });
});
