import { SYSTEM_QUEUES } from '@accessdesk/contracts';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain JS launcher that `npm start` runs
const { restartDelayMs } = require('./launcher') as { restartDelayMs(attempt: number): number };

describe('npm start restarts a service that died, with backoff', () => {
  it('waits 1 s, then twice as long each time, never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});

describe('the launcher cleans up every queue the operator tools know', () => {
  it('lists the same queues as SYSTEM_QUEUES in libs/contracts', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain JS launcher that `npm start` runs
    const { QUEUES } = require('./launcher') as { QUEUES: string[] };
    expect([...QUEUES].sort()).toEqual([...SYSTEM_QUEUES].sort());
  });
});
