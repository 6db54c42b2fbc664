import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { CaseView, STAFF_ROLES, StaffRole, luhnCheckDigit } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { VGR_CARE_PROVIDER, VGR_UNIT, lockRequest } from './fixtures';

const OTHER_UNIT = 'SE2321000131-E000000000002';
/** Generated hostile bodies per POST endpoint (issue: at least 1,000). */
const HOSTILE_RUNS = 1_000;

/**
 * Issue "Who may do what": roles and objects per endpoint, the audit trail through the API, the
 * data a closed case keeps, and a storm of hostile bodies — against the whole running system.
 */
describe('who may do what, end to end', () => {
  let system: RunningSystem;
  const tokens = new Map<string, string>();
  let caseId: string;

  const hsa = (n: number) => `SE2321000131-E0000000001${String(n).padStart(2, '0')}`;
  async function tokenFor(role: StaffRole, over: { region?: string; unit?: string | null; sub?: string } = {}): Promise<string> {
    const key = `${role}:${over.region ?? 'VGR'}:${over.unit ?? ''}:${over.sub ?? ''}`;
    const cached = tokens.get(key);
    if (cached) return cached;
    const unit = over.unit === null ? undefined : (over.unit ?? VGR_UNIT);
    const t = await system.token({ sub: over.sub ?? hsa(STAFF_ROLES.indexOf(role)), name: role, region: over.region ?? 'VGR', roles: [role], unit, careProvider: VGR_CARE_PROVIDER });
    tokens.set(key, t);
    return t;
  }
  const api = () => request(system.gatewayUrl);
  let keyCounter = 0;
  /** Any JSON value as the body, also the ones (true, 3, "x") an HTTP client library will not send. */
  const asJson = (body: unknown) => JSON.stringify(body) ?? '';
  const post = (path: string, token: string, body: unknown) =>
    api()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', `sec-${++keyCounter}`)
      .set('Content-Type', 'application/json')
      .send(asJson(body));

  beforeAll(async () => {
    system = await startTestSystem({ serviceEnv: { gateway: { RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_MINUTE: '100000' } } });
    const created = await post('/api/v1/cases', await tokenFor('clinician'), lockRequest());
    expect(created.status).toBe(201);
    caseId = created.body.id;
    await pollUntil(async () => {
      const res = await api().get(`/api/v1/cases/${caseId}`).set('Authorization', `Bearer ${await tokenFor('service_desk')}`);
      return (res.body as CaseView).status === 'CLOSED';
    }, { timeoutMs: 30_000, what: 'the case to close' });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  describe('GET /cases/{id}', () => {
    const expected: Array<[string, StaffRole, { region?: string; unit?: string | null }, number]> = [
      ['clinician of the requesting unit', 'clinician', {}, 200],
      ['unit head of the requesting unit', 'unit_head', {}, 200],
      ['medical lead of the requesting unit', 'medical_lead', {}, 200],
      ['clinician of another unit', 'clinician', { unit: OTHER_UNIT }, 404],
      ['service desk of the region', 'service_desk', { unit: null }, 200],
      ['auditor of the region', 'auditor', { unit: null }, 200],
      ['contact centre', 'contact_centre', { unit: null }, 403],
      ['service desk of another region', 'service_desk', { region: 'KRONOBERG', unit: null }, 404],
      ['auditor of another region', 'auditor', { region: 'KRONOBERG', unit: null }, 404],
    ];
    it.each(expected)('%s → %s', async (_label, role, over, status) => {
      const res = await api().get(`/api/v1/cases/${caseId}`).set('Authorization', `Bearer ${await tokenFor(role, over)}`);
      expect(res.status).toBe(status);
      if (status !== 200) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('POST /cases', () => {
    const expected: Array<[string, StaffRole, { unit?: string | null }, string, number]> = [
      ['clinician for the own unit', 'clinician', {}, VGR_UNIT, 201],
      ['unit head for the own unit', 'unit_head', {}, VGR_UNIT, 201],
      ['medical lead for the own unit', 'medical_lead', {}, VGR_UNIT, 201],
      ['service desk for a unit of its region', 'service_desk', { unit: null }, OTHER_UNIT, 201],
      ['clinician for another unit', 'clinician', {}, OTHER_UNIT, 403],
      ['contact centre', 'contact_centre', { unit: null }, VGR_UNIT, 403],
      ['auditor', 'auditor', { unit: null }, VGR_UNIT, 403],
    ];
    it.each(expected)('%s → %s', async (_label, role, over, unit, status) => {
      const body = lockRequest({ requestingUnit: { hsaId: unit, name: 'Enhet', headEmail: 'chef@enhet.example' }, resident: { personnummer: '199304171797', name: 'Oskar Provsson' } });
      const res = await post('/api/v1/cases', await tokenFor(role, over), body);
      expect(res.status).toBe(status);
    });
  });

  describe('the audit trail (R23)', () => {
    it('is read by the region’s auditor only, and records every read before answering', async () => {
      const reader = await tokenFor('service_desk', { unit: null, sub: 'SE2321000131-E000000000177' });
      expect((await api().get(`/api/v1/cases/${caseId}`).set('Authorization', `Bearer ${reader}`)).status).toBe(200);

      const trail = await api().get(`/api/v1/audit?caseId=${caseId}`).set('Authorization', `Bearer ${await tokenFor('auditor', { unit: null })}`);
      expect(trail.status).toBe(200);
      const records = trail.body.records as Array<{ action: string; actor: { sub: string }; origin: string | null; caseId: string }>;
      expect(records.map((r) => r.action)).toEqual(expect.arrayContaining(['CASE_CREATED', 'CASE_STATUS_CHANGED', 'CASE_READ', 'CASE_PERSONAL_DATA_REDUCED']));
      const read = records.find((r) => r.action === 'CASE_READ' && r.actor.sub === 'SE2321000131-E000000000177');
      expect(read?.origin).toBeTruthy();
      expect(JSON.stringify(records)).not.toContain('199001012385');

      for (const role of ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre'] as StaffRole[]) {
        expect((await api().get(`/api/v1/audit?caseId=${caseId}`).set('Authorization', `Bearer ${await tokenFor(role)}`)).status).toBe(403);
      }
      const elsewhere = await api().get(`/api/v1/audit?caseId=${caseId}`).set('Authorization', `Bearer ${await tokenFor('auditor', { region: 'KRONOBERG', unit: null })}`);
      expect(elsewhere.status).toBe(404);
    });

    it('is searched by resident with the personnummer in the body, never in the URL', async () => {
      const auditor = await tokenFor('auditor', { unit: null });
      const res = await api().post('/api/v1/audit/search').set('Authorization', `Bearer ${auditor}`).send({ personnummer: '199001012385' });
      expect(res.status).toBe(200);
      expect(res.body.records.length).toBeGreaterThan(0);
      expect(res.body.records.every((r: { caseId: string | null }) => r.caseId === caseId || r.caseId === null)).toBe(true);
      for (const role of ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre'] as StaffRole[]) {
        expect((await post('/api/v1/audit/search', await tokenFor(role), { personnummer: '199001012385' })).status).toBe(403);
      }
    });
  });

  it('keeps only what retention needs once a case is closed (R8)', async () => {
    const db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT request, resident_personnummer FROM intake.cases WHERE id = $1`, [caseId]);
      expect(rows[0].request.resident.name).toBe('[gallrad]');
      expect(rows[0].request.decision.motivation).toBe('[gallrad]');
      expect(rows[0].request.patientInformed.reasonIfNot).toBe('[gallrad]');
      // Kept: who the resident is (for later cases and unlocks, R5, R10) and who decided.
      expect(rows[0].resident_personnummer).toBe('199001012385');
      expect(rows[0].request.decision.decidedBy.hsaId).toBe('SE2321000131-E000000000011');
    } finally {
      await db.end();
    }
  });

  describe('hostile bodies', () => {
    const valid = () => lockRequest({ resident: { personnummer: '199512312266', name: 'Elin Provsson' } });
    /** Mutations that each make a valid request invalid, however they combine with the rest. */
    const hostile = fc.oneof(
      fc.anything(),
      fc.constantFrom('type', 'resident', 'channel', 'initiator', 'decision', 'patientInformed', 'requestingUnit').map((field) => {
        const body: Record<string, unknown> = { ...valid() };
        delete body[field];
        return body;
      }),
      fc.tuple(fc.constantFrom('type', 'resident', 'channel', 'decision', 'requestingUnit', 'signature', 'sealScope'), fc.oneof(fc.integer(), fc.string(), fc.array(fc.anything()), fc.boolean()))
        .map(([field, value]) => ({ ...valid(), [field]: value })),
      // Own keys only: `in` would also skip inherited names such as toString, which must be refused too.
      fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('toString', 'valueOf', 'constructor', 'prototype', 'hasOwnProperty'))
        .filter((k) => !Object.keys(valid()).includes(k) && k !== '__proto__')
        .map((k) => ({ ...valid(), [k]: 'x' })),
      // A real-looking number with a wrong check digit.
      fc.tuple(fc.stringMatching(/^19\d{9}$/), fc.integer({ min: 1, max: 9 })).map(([eleven, off]) => ({
        ...valid(),
        resident: { personnummer: `${eleven}${(luhnCheckDigit(eleven.slice(2)) + off) % 10}`, name: 'x' },
      })),
      fc.string({ minLength: 201, maxLength: 400 }).map((name) => ({ ...valid(), resident: { personnummer: '199512312266', name } })),
      fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}')),
      fc.integer({ min: 1, max: 60 }).map((depth) => {
        let nested: unknown = 'x';
        for (let i = 0; i < depth; i++) nested = { a: nested };
        return { ...valid(), decision: nested };
      }),
    );

    it(`answers ${HOSTILE_RUNS} hostile bodies to POST /cases with 4xx problems, then still files a valid one`, async () => {
      const clinician = await tokenFor('clinician');
      await fc.assert(
        fc.asyncProperty(hostile, async (body) => {
          const res = await post('/api/v1/cases', clinician, body);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }),
        { numRuns: HOSTILE_RUNS },
      );
      const raw = await api().post('/api/v1/cases').set('Authorization', `Bearer ${clinician}`).set('Idempotency-Key', 'raw-1').set('Content-Type', 'application/json').send('{"type":"LOGIN_LOCK",,}');
      expect(raw.status).toBe(400);
      expect((await post('/api/v1/cases', clinician, valid())).status).toBe(201);
    }, 180_000);

    it(`answers ${HOSTILE_RUNS} hostile bodies to POST /audit/search with 4xx problems, then still answers a valid one`, async () => {
      const auditor = await tokenFor('auditor', { unit: null });
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ personnummer: fc.string() }), fc.record({ personnummer: fc.integer() })), async (body) => {
          const res = await post('/api/v1/audit/search', auditor, body);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }),
        { numRuns: HOSTILE_RUNS },
      );
      expect((await api().post('/api/v1/audit/search').set('Authorization', `Bearer ${auditor}`).send({ personnummer: '199001012385' })).status).toBe(200);
    }, 180_000);
  });

  describe('hostile bodies to the other endpoints that take one', () => {
    const decision = () => lockRequest().decision;
    const someId = '7d0c2d3e-9c1b-4e55-8a61-2f0e6f1c9b10';
    /** Each endpoint: who calls it, a valid body, its required fields, and what a valid body then answers. */
    const endpoints: Array<{ method: 'post' | 'patch'; path: () => string; role: StaffRole; valid: () => Record<string, unknown>; required: string[]; answers: number }> = [
      { method: 'post', path: () => `/api/v1/cases/${caseId}/completion`, role: 'clinician', valid: () => ({ comment: 'Kompletterat' }), required: [], answers: 409 },
      { method: 'post', path: () => `/api/v1/cases/${caseId}/paperwork`, role: 'service_desk', valid: () => ({ receivedAt: '2026-11-22T08:00:00Z' }), required: ['receivedAt'], answers: 409 },
      { method: 'post', path: () => `/api/v1/cases/${caseId}/verification`, role: 'service_desk', valid: () => ({ outcome: 'VERIFIED', calledAt: '2026-11-22T08:00:00Z', note: 'Ringt' }), required: ['outcome', 'calledAt', 'note'], answers: 409 },
      { method: 'post', path: () => `/api/v1/cases/${caseId}/void`, role: 'service_desk', valid: () => ({ reason: 'Fel invånare' }), required: ['reason'], answers: 409 },
      { method: 'post', path: () => `/api/v1/cases/${caseId}/registry-reference`, role: 'service_desk', valid: () => ({ reference: 'PLX-2026-0001' }), required: ['reference'], answers: 200 },
      { method: 'post', path: () => '/api/v1/residents/status', role: 'clinician', valid: () => ({ personnummer: '199001012385' }), required: ['personnummer'], answers: 200 },
      { method: 'post', path: () => `/api/v1/work-items/${someId}/complete`, role: 'service_desk', valid: () => ({ resolution: 'RETRY' }), required: [], answers: 404 },
      { method: 'post', path: () => `/api/v1/reviews/${someId}/decision`, role: 'clinician', valid: () => ({ outcome: 'KEEP_LOCKED', decision: decision() }), required: ['outcome', 'decision'], answers: 404 },
      {
        method: 'post',
        path: () => '/api/v1/guardian-blocks',
        role: 'unit_head',
        valid: () => ({
          child: { personnummer: '201604202448', name: 'Lo Exempelsson' },
          guardians: [{ personnummer: '197805141236' }],
          channel: 'FORM',
          urgent: false,
          // R1: decided by a unit head the staff directory knows (Bo Berg in the simulators' fixtures).
          decision: { ...decision(), decidedBy: { hsaId: 'SE2321000131-E000000000012', name: 'Bo Berg', role: 'UNIT_HEAD' } },
          signature: { signedBy: 'SE2321000131-E000000000012', signedAt: '2026-11-20T09:05:00Z' },
          requestingUnit: lockRequest().requestingUnit,
          confirmationEmails: ['chef@testkoping.example'],
          guardianInformedBy: 'Kuratorn',
        }),
        required: ['child', 'guardians', 'channel', 'urgent', 'decision', 'requestingUnit', 'confirmationEmails', 'guardianInformedBy'],
        answers: 201,
      },
      {
        method: 'post',
        path: () => `/api/v1/guardian-blocks/${someId}/unblock`,
        role: 'unit_head',
        valid: () => ({
          threatCheck: { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2026-12-01T09:00:00Z', summary: 'Ingen hotbild' },
          decision: { ...decision(), decidedBy: { hsaId: hsa(1), name: 'unit_head', role: 'UNIT_HEAD' } },
        }),
        required: ['threatCheck', 'decision'],
        answers: 404,
      },
      { method: 'patch', path: () => `/api/v1/guardian-blocks/${someId}/tasks/${someId}`, role: 'contact_centre', valid: () => ({ status: 'DONE' }), required: ['status'], answers: 404 },
    ];

    /** Mutations that each make the valid body invalid: not an object, a required field gone or of the wrong type, an unknown field. */
    const hostileFor = (valid: () => Record<string, unknown>, required: string[]) => {
      const fields = Object.keys(valid());
      const wrongFor = (field: string) =>
        typeof valid()[field] === 'boolean' ? fc.oneof(fc.integer(), fc.string()) : fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.anything(), { minLength: 1 }));
      return fc.oneof(
        fc.anything().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
        ...(required.length > 0 ? [fc.constantFrom(...required).map((field) => Object.fromEntries(Object.entries(valid()).filter(([k]) => k !== field)))] : []),
        fc.constantFrom(...fields).chain((field) => wrongFor(field).map((value) => ({ ...valid(), [field]: value }))),
        fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('toString', 'valueOf', 'constructor', 'prototype', 'hasOwnProperty'))
          .filter((k) => !fields.includes(k) && k !== '__proto__')
          .map((k) => ({ ...valid(), [k]: 'x' })),
      );
    };

    // Named from the path with the ids left out (caseId exists only once the suite has started).
    it.each(endpoints.map((e) => [`${e.method.toUpperCase()} ${e.path().replace(/[0-9a-f-]{36}|undefined/g, '{id}')}`, e] as const))(
      `answers ${HOSTILE_RUNS} hostile bodies to %s with 4xx problems, then still answers a valid one`,
      async (_name, endpoint) => {
        const token = await tokenFor(endpoint.role, endpoint.role === 'service_desk' || endpoint.role === 'contact_centre' ? { unit: null } : {});
        const send = (body: unknown) =>
          (endpoint.method === 'post' ? api().post(endpoint.path()) : api().patch(endpoint.path()))
            .set('Authorization', `Bearer ${token}`)
            .set('Idempotency-Key', `sec-${++keyCounter}`)
            .set('Content-Type', 'application/json')
            .send(asJson(body));
        await fc.assert(
          fc.asyncProperty(hostileFor(endpoint.valid, endpoint.required), async (body) => {
            const res = await send(body);
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
          }),
          { numRuns: HOSTILE_RUNS },
        );
        expect((await send(endpoint.valid())).status).toBe(endpoint.answers);
      },
      180_000,
    );
  });

  it('writes no personnummer in any log line, with logging on', () => {
    const numbers = ['199001012385', '199512312266', '199304171797'];
    const leaks = system.logs.filter(({ line }) => numbers.some((n) => line.includes(n) || line.includes(`${n.slice(2, 8)}-${n.slice(8)}`)));
    expect(leaks).toEqual([]);
  });

  // Last: it breaks the chain on purpose.
  it('GET /audit/verify names the record that was changed behind the application’s back', async () => {
    const auditor = await tokenFor('auditor', { unit: null });
    const before = await api().get('/api/v1/audit/verify').set('Authorization', `Bearer ${auditor}`);
    expect(before.status).toBe(200);
    expect(before.body.valid).toBe(true);
    for (const role of ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre'] as StaffRole[]) {
      expect((await api().get('/api/v1/audit/verify').set('Authorization', `Bearer ${await tokenFor(role)}`)).status).toBe(403);
    }

    const db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    let tampered: { seq: string; id: string };
    try {
      [tampered] = (await db.query(`SELECT seq, id FROM intake.audit_log WHERE action = 'CASE_READ' ORDER BY seq LIMIT 1`)).rows;
      await db.query('ALTER TABLE intake.audit_log DISABLE TRIGGER audit_log_no_change');
      await db.query(`UPDATE intake.audit_log SET actor = jsonb_set(actor, '{sub}', '"someone-else"') WHERE seq = $1`, [tampered.seq]);
      await db.query('ALTER TABLE intake.audit_log ENABLE TRIGGER audit_log_no_change');
    } finally {
      await db.end();
    }
    const after = await api().get('/api/v1/audit/verify').set('Authorization', `Bearer ${auditor}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ valid: false, brokenAt: { seq: Number(tampered.seq), id: tampered.id } });
  });
});
