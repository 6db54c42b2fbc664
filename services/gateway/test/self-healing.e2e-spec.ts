import request from 'supertest';
import { CaseView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { DR_A, TOVA, VGR_CARE_PROVIDER, VGR_UNIT, lockRequest } from './fixtures';

/**
 * `npm start` heals (issue "Faults never leave a case stuck or wrong", item 6): a service that dies
 * is started again by the launcher with backoff, and the restart is logged, as an orchestrator would
 * in production. The system here is started as `npm start` starts it (`restart: true`).
 */
describe('the launcher restarts a service that died', () => {
  let system: RunningSystem;
  let clinician: string;

  beforeAll(async () => {
    system = await startTestSystem({ restart: true });
    clinician = await system.token({ sub: DR_A.hsaId, name: DR_A.name, region: 'VGR', roles: ['clinician'], unit: VGR_UNIT, careProvider: VGR_CARE_PROVIDER });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('restarts intake after SIGKILL, logs the restart, and a lock filed afterwards is executed', async () => {
    const killed = system.pid('intake');
    expect(killed).not.toBeNull();
    process.kill(killed as number, 'SIGKILL');

    const restarted = await pollUntil(
      async () => {
        const pid = system.pid('intake');
        return pid !== null && pid !== killed ? pid : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'intake running in a new process' },
    );
    expect(restarted).not.toBe(killed);
    const said = system.logs.filter((l) => l.service === 'intake' && l.line.startsWith('[launcher]')).map((l) => l.line);
    expect(said[0]).toMatch(/^\[launcher\] exited \(signal SIGKILL\); restart 1 in 1000 ms$/);

    // The gateway reaches the new intake; the case goes all the way through.
    const created = await pollUntil(
      async () => {
        const res = await request(system.gatewayUrl)
          .post('/api/v1/cases')
          .set('Authorization', `Bearer ${clinician}`)
          .set('Idempotency-Key', 'after-restart')
          .send(lockRequest({ resident: TOVA }));
        return res.status === 201 ? (res.body as CaseView) : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'a lock accepted by the restarted intake' },
    );
    await pollUntil(
      async () => {
        const res = await request(system.gatewayUrl).get(`/api/v1/cases/${created.id}`).set('Authorization', `Bearer ${clinician}`);
        return res.status === 200 && (res.body as CaseView).outcome === 'EXECUTED' ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: 'the lock executed' },
    );
  }, 150_000);
});
