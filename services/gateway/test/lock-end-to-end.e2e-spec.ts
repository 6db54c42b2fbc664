import request from 'supertest';
import { CaseView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries -- the plain JS launcher under tools/
const { QUEUES } = require('../../../tools/launcher') as { QUEUES: string[] };
import { DR_A, TOVA, VGR_CARE_PROVIDER, VGR_UNIT, lockRequest } from './fixtures';

/**
 * Issue: "one lock travels end to end". The gateway is driven over HTTP; intake, identity-check,
 * execution, notification and review-scheduler run as their own processes over the real broker and
 * database, with the simulators in place of the population register, staff tool and mail server.
 */
describe('one LOGIN_LOCK end to end', () => {
  let system: RunningSystem;
  let clinician: string;

  beforeAll(async () => {
    system = await startTestSystem();
    clinician = await system.token({ sub: DR_A.hsaId, name: DR_A.name, region: 'VGR', roles: ['clinician'], unit: VGR_UNIT, careProvider: VGR_CARE_PROVIDER });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const api = () => request(system.gatewayUrl);

  async function waitForStatus(id: string, status: string): Promise<CaseView> {
    return pollUntil(
      async () => {
        const res = await api().get(`/api/v1/cases/${id}`).set('Authorization', `Bearer ${clinician}`);
        return res.status === 200 && (res.body as CaseView).status === status ? (res.body as CaseView) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `case ${id} to reach ${status}` },
    );
  }

  it('files a lock, executes it once in the staff tool, mails the unit head, schedules the review and closes', async () => {
    const created = await api()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${clinician}`)
      .set('Idempotency-Key', 'e2e-lock-1')
      .send(lockRequest());
    expect(created.status).toBe(201);
    const { id, registryNumber } = created.body as CaseView;
    expect(registryNumber).toMatch(/^VGR-\d{4}-\d{6}$/);

    const closed = await waitForStatus(id, 'CLOSED');
    expect(closed.outcome).toBe('EXECUTED');
    expect(closed.timeline.map((t) => t.status)).toEqual(
      expect.arrayContaining(['RECEIVED', 'VERIFYING', 'READY', 'EXECUTING', 'EXECUTED', 'CLOSED']),
    );
    const statuses = closed.timeline.map((t) => t.status);
    expect(statuses.indexOf('EXECUTED')).toBeLessThan(statuses.lastIndexOf('CLOSED'));
    expect(closed.timeline.some((t) => t.note.includes('Återkoppling skickad'))).toBe(true);
    expect(closed.timeline.some((t) => t.note.includes('Omprövning planerad'))).toBe(true);
    expect(closed.effects).toContain('Invånaren kan inte logga in på 1177 e-tjänster.');

    // Exactly one executed call in the staff tool, keyed by the action.
    const calls = (await (await fetch(`${system.simulatorUrl}/staff-tool/calls`)).json()) as { calls: Array<{ action: string; replayed: boolean; status: number }> };
    expect(calls.calls.filter((c) => c.action === 'LOGIN_LOCK' && !c.replayed && c.status === 200)).toHaveLength(1);
    const account = (await (
      await fetch(`${system.simulatorUrl}/staff-tool/accounts/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personnummer: TOVA.personnummer }),
      })
    ).json()) as { loginLocked: boolean; lockedByRegion: string };
    expect(account).toMatchObject({ loginLocked: true, lockedByRegion: 'VGR' });

    // The feedback e-mail, in Swedish, to the requesting unit's head, without the personnummer.
    const mail = await pollUntil(async () => {
      const res = (await (await fetch(`${system.simulatorUrl}/smtp-sink/messages?to=verksamhetschef@testkoping.example`)).json()) as {
        messages: Array<{ subject: string; text: string }>;
      };
      return res.messages.find((m) => m.subject.includes(registryNumber));
    }, { what: 'the feedback e-mail' });
    expect(mail.subject).toMatch(/låsning/i);
    expect(mail.text).toContain(registryNumber);
    expect(mail.text).not.toContain(TOVA.personnummer);
    expect(mail.text).not.toContain(TOVA.name);
  });

  it('answers the same Idempotency-Key with the same case, and refuses it with another body', async () => {
    const send = (key: string, body = lockRequest({ resident: { personnummer: '199512312266', name: 'Elin Provsson' } })) =>
      api().post('/api/v1/cases').set('Authorization', `Bearer ${clinician}`).set('Idempotency-Key', key).send(body);
    const first = await send('e2e-idem-1');
    const again = await send('e2e-idem-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.registryNumber).toBe(first.body.registryNumber);

    const other = await send('e2e-idem-1', lockRequest({ resident: { personnummer: '199304171797', name: 'Oskar Provsson' } }));
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
    await waitForStatus(first.body.id, 'CLOSED');
  });

  it('refuses bad input with a problem document that never echoes the personnummer', async () => {
    const post = (body: unknown, key = `bad-${Math.random()}`) =>
      api().post('/api/v1/cases').set('Authorization', `Bearer ${clinician}`).set('Idempotency-Key', key).send(body as object);

    const wrongCheckDigit = await post(lockRequest({ resident: { personnummer: '199001012384', name: 'Tova Testsson' } }));
    expect(wrongCheckDigit.status).toBe(400);
    expect(wrongCheckDigit.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrongCheckDigit.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/resident/personnummer' })]));
    expect(JSON.stringify(wrongCheckDigit.body)).not.toContain('199001012384');

    const unknownField = await post({ ...lockRequest(), sneaky: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/sneaky' })]));

    const wrongType = await post(lockRequest({ type: 'GUARDIAN_BLOCK' as never }));
    expect(wrongType.status).toBe(400);

    const malformed = await api()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${clinician}`)
      .set('Idempotency-Key', 'malformed')
      .set('Content-Type', 'application/json')
      .send('{"type": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);

    const noKey = await api().post('/api/v1/cases').set('Authorization', `Bearer ${clinician}`).send(lockRequest());
    expect(noKey.status).toBe(400);
    expect(noKey.body.type).toMatch(/idempotency-key-required$/);

    const tooLarge = await post({ ...lockRequest(), decision: { ...lockRequest().decision, motivation: 'x'.repeat(100_000) } });
    expect(tooLarge.status).toBe(413);
  });

  it('refuses a call without a valid token, and answers 404 for a case of another region', async () => {
    const anonymous = await api().get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);

    const created = await api()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${clinician}`)
      .set('Idempotency-Key', 'e2e-region-1')
      .send(lockRequest({ resident: { personnummer: '195510034241', name: 'Ingrid Ängström' } }));
    expect(created.status).toBe(201);
    const otherRegion = await system.token({ sub: 'SE2321000065-E000000000013', name: 'KSD Kronoberg', region: 'KRONOBERG', roles: ['service_desk'] });
    const hidden = await api().get(`/api/v1/cases/${created.body.id}`).set('Authorization', `Bearer ${otherRegion}`);
    expect(hidden.status).toBe(404);
    const auditor = await system.token({ sub: 'SE2321000131-E000000000016', region: 'VGR', roles: ['auditor'] });
    const notAllowed = await api().post('/api/v1/cases').set('Authorization', `Bearer ${auditor}`).set('Idempotency-Key', 'aud-1').send(lockRequest());
    expect(notAllowed.status).toBe(403);
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    expect((await api().get('/health/live')).status).toBe(200);
    const ready = await api().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'up', broker: 'up' });
    const docs = await api().get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}']));
    expect(docs.body.components.schemas.CaseRequest.properties.signature.$ref).toBe('#/components/schemas/SignatureDto');
    expect(Object.keys(docs.body.components.schemas)).toEqual(expect.arrayContaining(['CaseRequest', 'SignatureDto', 'SealScopeDto', 'CaseView']));
    // Configuration classes carry validation rules too; they are not part of the API.
    expect(Object.keys(docs.body.components.schemas).filter((name) => /Config|Issuer/.test(name))).toEqual([]);
    const metrics = await api().get('/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds');
  });

  it("lists in the launcher every queue the services consume, so that a test run leaves none behind", () => {
    // Test runs and the benchmark delete their topology from launcher.QUEUES; a queue missing there
    // would stay on the broker after every run and slow it down for the next.
    const declared = system.declaredQueues();
    expect(declared).toEqual(expect.arrayContaining(['intake.events', 'guardian-block.rpc']));
    expect(QUEUES).toEqual(expect.arrayContaining(declared));
  });

  it('writes no personnummer in any log line', () => {
    const numbers = [TOVA.personnummer, '199512312266', '195510034241', '199304171797'];
    const leaks = system.logs.filter(({ line }) => numbers.some((n) => line.includes(n) || line.includes(`${n.slice(2, 8)}-${n.slice(8)}`)));
    expect(leaks).toEqual([]);
    expect(system.logs.length).toBeGreaterThan(0);
  });
});
