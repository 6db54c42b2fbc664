import request from 'supertest';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CaseView, GuardianBlockView, ReviewView, WorkItemView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { OpenApiCheck } from './openapi-check';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, form, signInAll } from './story';

/**
 * Issue 12 point 5: the answers the services really give, through the whole system, fit the
 * schemas the running gateway serves at /docs-json, field by field (a field the document does not
 * name fails), and every error is application/problem+json of the Problem schema.
 */

const JONKOPING_UNIT = { hsaId: 'SE2321000057-E000000000001', name: 'Vårdcentralen Jönköping', headEmail: 'chef@rjl-vc.example' };

const people = {
  drA: FIXTURE_PEOPLE.drA,
  bo: FIXTURE_PEOPLE.bo,
  eva: FIXTURE_PEOPLE.eva,
  fredrik: { sub: 'SE2321000131-E000000000016', name: 'Fredrik Falk', region: 'VGR', roles: ['auditor'], unit: 'SE2321000131-E000000000005' },
  /** VGR's service desk, signed in with the operator role for the dead-letter tools. */
  david: { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['operator'], unit: 'SE2321000131-E000000000003' },
  siv: { sub: 'SE2321000057-E000000000011', name: 'Siv Sjöberg', region: 'JONKOPING', roles: ['clinician'], unit: JONKOPING_UNIT.hsaId },
  ulla: { sub: 'SE2321000057-E000000000014', name: 'Ulla Udd', region: 'JONKOPING', roles: ['service_desk'], unit: 'SE2321000057-E000000000003' },
} satisfies Record<string, Person>;

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const LO = { personnummer: '201604202448', name: 'Lo Exempelsson' };
const ERIK = '197805141236';

describe('the answers of the running system fit /docs-json', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;
  let check: OpenApiCheck;

  beforeAll(async () => {
    system = await startTestSystem();
    staff = await signInAll(system, people);
    const docs = await request(system.gatewayUrl).get('/docs-json');
    expect(docs.status).toBe(200);
    check = new OpenApiCheck(docs.body as OpenAPIObject);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  /** The answer is documented for its operation and status, in its content type, and fits its schema. */
  function fits(operation: string, res: request.Response, status: number): void {
    expect({ operation, status: res.status }).toEqual({ operation, status });
    expect(res.headers['content-type']).toMatch(status >= 400 ? /^application\/problem\+json/ : /^application\/json/);
    expect({ operation, errors: check.answerErrors(operation, res.status, res.body) }).toEqual({ operation, errors: [] });
  }

  it('a lock, its status, its review and its audit trail', async () => {
    const filed = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: TOVA }), 'openapi-lock');
    fits('POST /api/v1/cases', filed, 201);
    const closed = await staff.drA.caseIn((filed.body as CaseView).id, 'CLOSED');
    fits('GET /api/v1/cases/{id}', await staff.drA.get(`/cases/${closed.id}`), 200);

    fits('POST /api/v1/residents/status', await staff.drA.post('/residents/status', { personnummer: TOVA.personnummer }), 200);

    const reviews = await pollUntil(
      async () => {
        const res = await staff.drA.get('/reviews?state=all');
        return (res.body.reviews as ReviewView[] | undefined)?.some((r) => r.caseId === closed.id) ? res : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: 'the review of the lock' },
    );
    fits('GET /api/v1/reviews', reviews, 200);
    const review = (reviews.body.reviews as ReviewView[]).find((r) => r.caseId === closed.id) as ReviewView;
    const decided = await staff.drA.post(`/reviews/${review.id}/decision`, { outcome: 'KEEP_LOCKED', decision: form(people.drA, VGR_UNIT, { resident: TOVA }).decision }, 'openapi-review');
    fits('POST /api/v1/reviews/{id}/decision', decided, 200);

    fits('GET /api/v1/audit', await staff.fredrik.get(`/audit?caseId=${closed.id}`), 200);
    fits('POST /api/v1/audit/search', await staff.fredrik.post('/audit/search', { personnummer: TOVA.personnummer }), 200);
    fits('GET /api/v1/audit/verify', await staff.fredrik.get('/audit/verify'), 200);
  });

  it('a lock executed by hand: the desk’s inbox and the completed work item', async () => {
    const filed = await staff.siv.post('/cases', form(people.siv, JONKOPING_UNIT, { resident: OSKAR, channel: 'E_FORM' }), 'openapi-manual-lock');
    fits('POST /api/v1/cases', filed, 201);
    const inbox = await pollUntil(
      async () => {
        const res = await staff.ulla.get('/work-items?kind=MANUAL_EXECUTION');
        return (res.body.items as WorkItemView[] | undefined)?.some((i) => i.caseId === filed.body.id) ? res : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: 'the manual execution item' },
    );
    fits('GET /api/v1/work-items', inbox, 200);
    const item = (inbox.body.items as WorkItemView[]).find((i) => i.caseId === filed.body.id) as WorkItemView;
    const done = await staff.ulla.post(`/work-items/${item.id}/complete`, { result: 'DONE', executedAt: new Date().toISOString(), observed: 'Kontot låst' });
    fits('POST /api/v1/work-items/{id}/complete', done, 200);
    const closed = await staff.siv.caseIn(filed.body.id, 'CLOSED');
    fits('GET /api/v1/cases/{id}', await staff.siv.get(`/cases/${closed.id}`), 200);
  });

  it('a guardian block, its follow-up task and its status on the child', async () => {
    const filed = await staff.eva.post(
      '/guardian-blocks',
      {
        child: LO,
        guardians: [{ personnummer: ERIK }],
        channel: 'E_FORM',
        urgent: false,
        decision: { decidedBy: { hsaId: people.bo.sub, name: people.bo.name, role: 'UNIT_HEAD' }, decidedAt: '2026-11-20T09:00:00Z', reasons: ['THREAT'], motivation: 'Hot mot barnet' },
        requestingUnit: VGR_UNIT,
        confirmationEmails: [VGR_UNIT.headEmail],
        guardianInformedBy: 'Kurator Karin Karlsson',
      },
      'openapi-guardian-block',
    );
    fits('POST /api/v1/guardian-blocks', filed, 201);
    const blocked = await pollUntil(
      async () => {
        const res = await staff.eva.get(`/guardian-blocks/${filed.body.id}`);
        return (res.body as GuardianBlockView).status === 'BLOCKED' ? res : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 150, what: 'the guardian block in effect' },
    );
    fits('GET /api/v1/guardian-blocks/{id}', blocked, 200);
    const task = (blocked.body as GuardianBlockView).tasks[0];
    fits('PATCH /api/v1/guardian-blocks/{id}/tasks/{taskId}', await staff.eva.patch(`/guardian-blocks/${filed.body.id}/tasks/${task.id}`, { status: 'DONE', note: 'Gjort' }), 200);
    fits('POST /api/v1/residents/status', await staff.eva.post('/residents/status', { personnummer: LO.personnummer }), 200);
  });

  it('the operator’s dead-letter tools', async () => {
    fits('GET /api/v1/dead-letters', await staff.david.get('/dead-letters'), 200);
    fits('POST /api/v1/dead-letters/purge', await staff.david.post('/dead-letters/purge', { queue: 'intake.rpc' }), 200);
    fits('POST /api/v1/dead-letters/replay', await staff.david.post('/dead-letters/replay', { queue: 'intake.events' }), 200);
    fits('POST /api/v1/dead-letters/replay', await staff.david.post('/dead-letters/replay', {}), 422);
    fits('GET /api/v1/dead-letters/{messageId}', await staff.david.get('/dead-letters/no-such-letter'), 404);
  });

  it('errors: no token, a role not admitted, an invalid body, a missing Idempotency-Key, an unknown case, a broken rule', async () => {
    fits('GET /api/v1/cases/{id}', await request(system.gatewayUrl).get('/api/v1/cases/3e2c8d0a-8c1f-4f5e-9a44-1c9d2b7e5f01'), 401);
    fits('GET /api/v1/dead-letters', await staff.drA.get('/dead-letters'), 403);
    const invalid = await staff.drA.post('/cases', { ...form(people.drA, VGR_UNIT, { resident: TOVA }), channel: 'PIGEON', surprise: true }, 'openapi-invalid');
    fits('POST /api/v1/cases', invalid, 400);
    expect(invalid.body.errors.length).toBeGreaterThan(0);
    fits('POST /api/v1/cases', await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: TOVA })), 400);
    fits('GET /api/v1/cases/{id}', await staff.drA.get('/cases/3e2c8d0a-8c1f-4f5e-9a44-1c9d2b7e5f01'), 404);
    const lockReasonOnUnlock = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: TOVA, type: 'LOGIN_UNLOCK', decision: { ...form(people.drA, VGR_UNIT, { resident: TOVA }).decision } }), 'openapi-wrong-reason');
    fits('POST /api/v1/cases', lockReasonOnUnlock, 422);
    expect(lockReasonOnUnlock.body.allowedReasons).toContain('THREAT_NO_LONGER_EXISTS');
  });
});
