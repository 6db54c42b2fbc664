import request from 'supertest';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { AuditRecord } from '@accessdesk/audit';
import { CaseListView, CaseSummaryView, CaseView, GuardianBlockView } from '@accessdesk/contracts';
import { RunningSystem, pollUntil, startTestSystem } from '@accessdesk/testing';
import { OpenApiCheck } from './openapi-check';
import { FIXTURE_PEOPLE, Person, Staff, VGR_UNIT, form, problemType, signInAll } from './story';
import { parseCsv } from './read-csv';

/**
 * Issue 11, the API the console needs, through the whole system: `GET /cases` a page at a time
 * under each role's object rule; the audit trail by staff member and time range, in pages and as a
 * CSV extract; and lists that say when they are cut. intake lists at most two of a resident's cases
 * here, so that the signal shows without many cases.
 */

const UNIT_2 = { hsaId: 'SE2321000131-E000000000002', name: 'Vårdcentralen Andra', headEmail: 'chef@andra.example' };

/** A name a spreadsheet would take for a formula, in a token: what the extract must make inert. */
const FORMULA_NAME = '=HYPERLINK("http://evil.example","Fredrik")';

const people = {
  drA: FIXTURE_PEOPLE.drA,
  bo: FIXTURE_PEOPLE.bo,
  eva: FIXTURE_PEOPLE.eva,
  greta: { sub: 'SE2321000131-E000000000017', name: 'Greta Gran', region: 'VGR', roles: ['clinician'], unit: UNIT_2.hsaId },
  david: { sub: 'SE2321000131-E000000000014', name: 'David Dahl', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' },
  fredrik: { sub: 'SE2321000131-E000000000016', name: 'Fredrik Falk', region: 'VGR', roles: ['auditor'], unit: 'SE2321000131-E000000000005' },
  formulaFredrik: { sub: 'SE2321000131-E000000000016', name: FORMULA_NAME, region: 'VGR', roles: ['auditor'], unit: 'SE2321000131-E000000000005' },
  karin: { sub: 'SE2321000065-E000000000011', name: 'Karin Kvist', region: 'KRONOBERG', roles: ['clinician'], unit: 'SE2321000065-E000000000001' },
  rut: { sub: 'SE2321000065-E000000000016', name: 'Rut Rask', region: 'KRONOBERG', roles: ['auditor'], unit: 'SE2321000065-E000000000005' },
} satisfies Record<string, Person>;

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };
const ELIN = { personnummer: '199512312266', name: 'Elin Provsson' };
const OSKAR = { personnummer: '199304171797', name: 'Oskar Provsson' };
const INGRID = { personnummer: '195510034241', name: 'Ingrid Ängström' };
const ASA = { personnummer: '197202292822', name: 'Åsa Östlund' };
const JONAS = { personnummer: '197708233213', name: 'Jonas Jämte' };
const HANNA = { personnummer: '199104123428', name: 'Hanna Liten' };
const LO = { personnummer: '201604202448', name: 'Lo Exempelsson' };
const ERIK = '197805141236';

type TrailPage = { records: Array<AuditRecord & { trail: string }>; nextCursor: string | null; truncated: boolean };

describe('lists and the audit trail for the staff console (issue 11)', () => {
  let system: RunningSystem;
  let staff: Record<keyof typeof people, Staff>;
  let check: OpenApiCheck;
  let startedAt: string;
  /** The cases filed, newest first. */
  const filed: CaseView[] = [];

  beforeAll(async () => {
    system = await startTestSystem({ serviceEnv: { intake: { RESIDENT_STATUS_CASES: '2' } } });
    staff = await signInAll(system, people);
    const docs = await request(system.gatewayUrl).get('/docs-json');
    check = new OpenApiCheck(docs.body as OpenAPIObject);
    startedAt = new Date(Date.now() - 1000).toISOString();
    const filings: Array<[Staff, typeof VGR_UNIT, typeof TOVA]> = [
      [staff.drA, VGR_UNIT, TOVA],
      [staff.drA, VGR_UNIT, ELIN],
      [staff.greta, UNIT_2, OSKAR],
      [staff.drA, VGR_UNIT, INGRID],
      [staff.greta, UNIT_2, ASA],
      [staff.bo, VGR_UNIT, JONAS],
    ];
    for (const [who, unit, resident] of filings) {
      const res = await who.post('/cases', form(who.person, unit, { resident }), `lists-${who.person.sub}-${resident.personnummer}`);
      expect(res.status).toBe(201);
      filed.unshift(res.body as CaseView);
    }
    for (const c of filed) await staff.david.caseWhen(c.id, (v) => v.status === 'CLOSED', 'closed');
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  function fits(operation: string, res: request.Response, status: number): void {
    expect({ operation, status: res.status }).toEqual({ operation, status });
    expect(res.headers['content-type']).toMatch(status >= 400 ? /^application\/problem\+json/ : /^application\/json/);
    expect({ operation, errors: check.answerErrors(operation, res.status, res.body) }).toEqual({ operation, errors: [] });
  }

  async function casePages(who: Staff, query: string, between?: () => Promise<void>): Promise<CaseListView[]> {
    const pages: CaseListView[] = [];
    let cursor: string | null = null;
    do {
      const res = await who.get(`/cases?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      fits('GET /api/v1/cases', res, 200);
      pages.push(res.body as CaseListView);
      if (pages.length === 1 && between) await between();
      cursor = (res.body as CaseListView).nextCursor;
    } while (cursor);
    return pages;
  }

  const ids = (items: CaseSummaryView[]) => items.map((i) => i.id);

  describe('GET /cases', () => {
    it('pages through the region’s cases for the service desk, newest first, no case twice and none left out, while cases are filed between pages', async () => {
      let added: CaseView | undefined;
      const pages = await casePages(staff.david, 'limit=4', async () => {
        added = (await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: HANNA }), 'lists-between')).body as CaseView;
      });
      expect(pages.map((p) => [p.items.length, p.truncated])).toEqual([
        [4, true],
        [2, false],
      ]);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(filed as unknown as CaseSummaryView[]));
      const fresh = await staff.david.get('/cases?limit=1');
      expect(ids(fresh.body.items)).toEqual([added?.id]);
      filed.unshift(await staff.david.caseWhen(added?.id as string, (v) => v.status === 'CLOSED', 'closed'));
    });

    it('lists no personnummer and no name, only what tells cases apart', async () => {
      const res = await staff.david.get('/cases?limit=200');
      for (const resident of [TOVA, ELIN, OSKAR, INGRID, ASA, JONAS, HANNA]) {
        expect(JSON.stringify(res.body)).not.toContain(resident.personnummer);
        expect(JSON.stringify(res.body)).not.toContain(resident.name);
      }
      expect(res.body.items[0]).toEqual({
        id: filed[0].id,
        registryNumber: filed[0].registryNumber,
        type: 'LOGIN_LOCK',
        status: 'CLOSED',
        region: 'VGR',
        channel: 'FORM',
        outcome: expect.any(String),
        requestingUnit: { hsaId: VGR_UNIT.hsaId, name: VGR_UNIT.name },
        protectedIdentity: false,
        createdAt: filed[0].createdAt,
        updatedAt: expect.any(String),
      });
    });

    it('filters by registry number (exact), unit and status', async () => {
      const one = await staff.david.get(`/cases?registryNumber=${filed[2].registryNumber}`);
      expect(ids(one.body.items)).toEqual([filed[2].id]);
      expect(one.body).toMatchObject({ nextCursor: null, truncated: false });
      const unit2 = await staff.david.get(`/cases?unit=${UNIT_2.hsaId}`);
      expect(ids(unit2.body.items)).toEqual(filed.filter((c) => c.requestingUnit.hsaId === UNIT_2.hsaId).map((c) => c.id));
      expect(ids((await staff.david.get('/cases?status=CLOSED&limit=200')).body.items)).toEqual(ids(filed as unknown as CaseSummaryView[]));
      expect((await staff.david.get('/cases?status=VERIFYING')).body.items).toEqual([]);
    });

    it('shows care staff their own unit’s cases, another region nothing, and refuses the contact centre and a caller without a token', async () => {
      const own = await casePages(staff.drA, 'limit=2');
      expect(own.flatMap((p) => ids(p.items))).toEqual(filed.filter((c) => c.requestingUnit.hsaId === VGR_UNIT.hsaId).map((c) => c.id));
      expect((await staff.drA.get(`/cases?unit=${UNIT_2.hsaId}`)).body.items).toEqual([]);
      expect((await staff.drA.get(`/cases?registryNumber=${filed.find((c) => c.requestingUnit.hsaId === UNIT_2.hsaId)?.registryNumber}`)).body.items).toEqual([]);
      expect((await staff.karin.get('/cases')).body).toEqual({ items: [], nextCursor: null, truncated: false });
      const refused = await staff.eva.get('/cases');
      fits('GET /api/v1/cases', refused, 403);
      fits('GET /api/v1/cases', await request(system.gatewayUrl).get('/api/v1/cases'), 401);
    });

    it('answers bad input with a 400 problem that never echoes it', async () => {
      for (const query of ['status=LOST', 'limit=0', 'limit=201', 'limit=ten', 'unit=nobody', `registryNumber=${TOVA.personnummer}`, 'cursor=%25%25', 'surprise=1']) {
        const res = await staff.david.get(`/cases?${query}`);
        fits('GET /api/v1/cases', res, 400);
        expect(JSON.stringify(res.body)).not.toContain(TOVA.personnummer);
      }
      const forged = await staff.david.get(`/cases?cursor=${Buffer.from('{"at":"yesterday","id":"x"}').toString('base64url')}`);
      fits('GET /api/v1/cases', forged, 400);
      expect(problemType(forged)).toBe('cursor-invalid');
    });
  });

  describe('lists that say when they are cut', () => {
    it('a resident’s status says when it names only the newest of the resident’s cases', async () => {
      const tovas = [filed[filed.length - 1]];
      const fileFor = async (type: 'JOURNAL_SEAL' | 'LOGIN_UNLOCK') => {
        const res = await staff.drA.post('/cases', form(people.drA, VGR_UNIT, { resident: TOVA, type, ...(type === 'JOURNAL_SEAL' ? { sealScope: { whole: true } } : {}) }), `lists-tova-${type}`);
        expect(res.status).toBe(201);
        const closed = await staff.drA.caseWhen((res.body as CaseView).id, (v) => v.status === 'CLOSED', 'closed');
        filed.unshift(closed);
        tovas.unshift(closed);
      };
      await fileFor('JOURNAL_SEAL');
      const two = await staff.david.post('/residents/status', { personnummer: TOVA.personnummer });
      fits('POST /api/v1/residents/status', two, 200);
      expect(two.body.cases.map((c: { id: string }) => c.id)).toEqual(tovas.map((c) => c.id));
      expect(two.body.casesTruncated).toBe(false);
      await fileFor('LOGIN_UNLOCK');
      const three = await staff.david.post('/residents/status', { personnummer: TOVA.personnummer });
      fits('POST /api/v1/residents/status', three, 200);
      expect(three.body.cases.map((c: { id: string }) => c.id)).toEqual(tovas.slice(0, 2).map((c) => c.id));
      expect(three.body.casesTruncated).toBe(true);
      // The unlock names the lock it lifts, and its one earlier case other than that: nothing left out.
      const unlock = await staff.david.get(`/cases/${tovas[0].id}`);
      fits('GET /api/v1/cases/{id}', unlock, 200);
      expect(unlock.body.relatedCases.map((r: { id: string; relation: string }) => [r.relation, r.id])).toEqual([
        ['LIFTS', tovas[2].id],
        ['EARLIER_CASE_OF_RESIDENT', tovas[1].id],
      ]);
      expect(unlock.body.relatedCasesTruncated).toBe(false);
    });

    it('the unit’s reviews come a page at a time by due date, each once', async () => {
      const ownLocks = filed.filter((c) => c.requestingUnit.hsaId === VGR_UNIT.hsaId && c.type === 'LOGIN_LOCK').length;
      const all = await pollUntil(
        async () => {
          const res = await staff.bo.get('/reviews?state=all');
          return res.status === 200 && res.body.reviews.length >= Math.min(ownLocks, 3) ? res : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 200, what: 'the reviews of the unit’s locks' },
      );
      fits('GET /api/v1/reviews', all, 200);
      expect(all.body).toMatchObject({ nextCursor: null, truncated: false });
      const ids: string[] = [];
      let cursor: string | null = null;
      const flags: boolean[] = [];
      do {
        const res = await staff.bo.get(`/reviews?state=all&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        fits('GET /api/v1/reviews', res, 200);
        ids.push(...res.body.reviews.map((r: { id: string }) => r.id));
        flags.push(res.body.truncated);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(ids).toEqual(all.body.reviews.map((r: { id: string }) => r.id).slice(0, ids.length));
      expect(ids.length).toBeGreaterThanOrEqual(all.body.reviews.length);
      expect(flags.at(-1)).toBe(false);
      expect(flags.slice(0, -1).every(Boolean)).toBe(true);
      fits('GET /api/v1/reviews', await staff.bo.get('/reviews?limit=501'), 400);
    });

    it('the desk’s inbox says whether it holds everything', async () => {
      const inbox = await staff.david.get('/work-items');
      fits('GET /api/v1/work-items', inbox, 200);
      expect(inbox.body).toMatchObject({ nextCursor: null, truncated: false });
      fits('GET /api/v1/work-items', await staff.david.get('/work-items?limit=0'), 400);
      fits('GET /api/v1/work-items', await staff.david.get('/work-items?cursor=bm9wZQ'), 400);
    });
  });

  describe('the audit trail by staff member and time range', () => {
    beforeAll(async () => {
      // Bo acts in both trails: a lock above (intake) and a guardian block (guardian-block).
      const block = await staff.bo.post(
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
        'lists-guardian-block',
      );
      expect(block.status).toBe(201);
      await pollUntil(
        async () => ((await staff.bo.get(`/guardian-blocks/${block.body.id}`)).body as GuardianBlockView).status === 'BLOCKED' || undefined,
        { timeoutMs: 30_000, intervalMs: 150, what: 'the guardian block in effect' },
      );
    }, 60_000);

    async function auditPages(path: string, limit: number): Promise<TrailPage[]> {
      const pages: TrailPage[] = [];
      let cursor: string | null = null;
      do {
        const res = await staff.fredrik.get(`${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        fits('GET /api/v1/audit', res, 200);
        pages.push(res.body as TrailPage);
        cursor = (res.body as TrailPage).nextCursor;
      } while (cursor);
      return pages;
    }

    it('pages through what one staff member did in every trail: each record once, each trail in its chain’s order', async () => {
      // Up to now: what the system still does in Bo's name (a child's lock) stays out of the comparison.
      const bo = `actorHsaId=${people.bo.sub}&to=${new Date().toISOString()}`;
      const whole = await staff.fredrik.get(`/audit?${bo}`);
      fits('GET /api/v1/audit', whole, 200);
      const all = (whole.body as TrailPage).records;
      expect(whole.body).toMatchObject({ nextCursor: null, truncated: false });
      expect(new Set(all.map((r) => r.trail))).toEqual(new Set(['intake', 'guardian-block']));
      expect(all.every((r) => r.actor.sub === people.bo.sub && r.region === 'VGR')).toBe(true);
      const pages = await auditPages(`/audit?${bo}`, 3);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.slice(0, -1).every((p) => p.truncated && p.records.length === 3)).toBe(true);
      const paged = pages.flatMap((p) => p.records);
      expect(paged.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
      for (const trail of ['intake', 'guardian-block']) {
        const seqs = paged.filter((r) => r.trail === trail && r.seq !== null).map((r) => r.seq as number);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
    });

    it('narrows by time range and case; another region’s auditor sees none of it', async () => {
      const all = ((await staff.fredrik.get(`/audit?actorHsaId=${people.drA.sub}`)).body as TrailPage).records;
      const middle = [...all].sort((a, b) => (a.at < b.at ? -1 : 1))[Math.floor(all.length / 2)];
      const from = ((await staff.fredrik.get(`/audit?actorHsaId=${people.drA.sub}&from=${middle.at}`)).body as TrailPage).records;
      const to = ((await staff.fredrik.get(`/audit?actorHsaId=${people.drA.sub}&to=${middle.at}`)).body as TrailPage).records;
      expect(from.every((r) => r.at >= middle.at) && to.every((r) => r.at < middle.at)).toBe(true);
      expect(from.length + to.length).toBe(all.length);
      const ofCase = ((await staff.fredrik.get(`/audit?caseId=${filed[filed.length - 1].id}&actorHsaId=${people.drA.sub}`)).body as TrailPage).records;
      expect(ofCase.length).toBeGreaterThan(0);
      expect(ofCase.every((r) => r.caseId === filed[filed.length - 1].id && r.actor.sub === people.drA.sub)).toBe(true);
      expect(((await staff.rut.get(`/audit?actorHsaId=${people.drA.sub}&from=${startedAt}`)).body as TrailPage).records).toEqual([]);
      fits('GET /api/v1/audit', await staff.fredrik.get(`/audit?from=${startedAt}&limit=1`), 200);
    });

    it('searches a resident’s trail narrowed by staff member, with the personnummer in the body only', async () => {
      const res = await staff.fredrik.post('/audit/search', { personnummer: TOVA.personnummer, actorHsaId: people.david.sub, limit: 1 });
      fits('POST /api/v1/audit/search', res, 200);
      expect(res.body.records).toHaveLength(1);
      expect(res.body.records[0].actor.sub).toBe(people.david.sub);
      expect(res.body.truncated).toBe(true);
      const next = await staff.fredrik.post('/audit/search', { personnummer: TOVA.personnummer, actorHsaId: people.david.sub, limit: 1, cursor: res.body.nextCursor });
      fits('POST /api/v1/audit/search', next, 200);
      expect(next.body.records[0].id).not.toBe(res.body.records[0].id);
    });

    it('refuses bad questions with a 400 problem, and every other role with 403', async () => {
      for (const query of ['', `from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z`, 'actorHsaId=nobody', 'from=yesterday', 'limit=1001', 'cursor=bm9wZQ']) {
        fits('GET /api/v1/audit', await staff.fredrik.get(`/audit?${query}`), 400);
      }
      fits('POST /api/v1/audit/search', await staff.fredrik.post('/audit/search', { personnummer: TOVA.personnummer, caseId: filed[0].id }), 400);
      fits('POST /api/v1/audit/search', await staff.fredrik.post('/audit/search', {}), 400);
      for (const who of [staff.drA, staff.david, staff.eva]) {
        fits('GET /api/v1/audit', await who.get(`/audit?actorHsaId=${people.bo.sub}`), 403);
        expect((await who.get(`/audit/export?actorHsaId=${people.bo.sub}`)).status).toBe(403);
        expect((await who.post('/audit/export', { personnummer: TOVA.personnummer })).status).toBe(403);
      }
    });
  });

  describe('the CSV extract', () => {
    it('holds the records the same question finds, as an attachment, every cell quoted and no formula live', async () => {
      // The auditor's own readings carry the name in the token: one a spreadsheet would run.
      expect((await staff.formulaFredrik.get(`/audit?actorHsaId=${people.bo.sub}`)).status).toBe(200);
      const res = await staff.fredrik.get(`/audit/export?actorHsaId=${people.fredrik.sub}&from=${startedAt}`).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-VGR-[0-9TZ-]+\.csv"$/);
      expect(res.headers['x-truncated']).toBe('false');
      const text = res.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(['trail', 'seq', 'id', 'at', 'region', 'action', 'actorSub', 'actorName', 'actorRoles', 'actorUnit', 'origin', 'caseId', 'residentRef', 'detail', 'prevHash', 'hash']);
      const name = rows.map((r) => r[header.indexOf('actorName')]);
      expect(name).toContain(`'${FORMULA_NAME}`);
      expect(name.every((n) => !/^[=+\-@]/.test(n))).toBe(true);
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Fredrik"")"`);
      const page = (await staff.fredrik.get(`/audit?actorHsaId=${people.fredrik.sub}&from=${startedAt}`)).body as TrailPage;
      // The extract's own readings were written after it: every record the page shows before them is in it.
      const exported = new Set(rows.map((r) => r[header.indexOf('id')]));
      const before = page.records.filter((r) => r.at < rows[rows.length - 1][header.indexOf('at')]);
      expect(before.every((r) => exported.has(r.id))).toBe(true);
    });

    it('says when the extract is cut, and goes on from its cursor', async () => {
      const bo = `actorHsaId=${people.bo.sub}&to=${new Date().toISOString()}`;
      const whole = parseCsv((await staff.fredrik.get(`/audit/export?${bo}`).buffer(true)).text.slice(1)).slice(1);
      const first = await staff.fredrik.get(`/audit/export?${bo}&limit=2`).buffer(true);
      expect(first.headers['x-truncated']).toBe('true');
      const cursor = first.headers['x-next-cursor'] as string;
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const rest = await staff.fredrik.get(`/audit/export?${bo}&cursor=${cursor}`).buffer(true);
      expect(rest.headers['x-truncated']).toBe('false');
      expect(rest.headers['x-next-cursor']).toBeUndefined();
      const rows = [...parseCsv(first.text.slice(1)).slice(1), ...parseCsv(rest.text.slice(1)).slice(1)];
      expect(rows).toHaveLength(whole.length);
      expect(rows.map((r) => r[2]).sort()).toEqual(whole.map((r) => r[2]).sort());
    });

    it('exports a resident’s trail asked in the body, naming the resident only by pseudonym', async () => {
      const res = await staff.fredrik.post('/audit/export', { personnummer: TOVA.personnummer }).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.text).not.toContain(TOVA.personnummer);
      const [header, ...rows] = parseCsv(res.text.slice(1));
      expect(rows.length).toBeGreaterThan(2);
      const refs = new Set(rows.map((r) => r[header.indexOf('residentRef')]));
      expect(refs.size).toBe(1);
      expect([...refs][0]).toMatch(/^[0-9a-f]{32}$/);
      const bad = await staff.fredrik.post('/audit/export', { personnummer: '199001012384' });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(bad.body)).not.toContain('199001012384');
    });
  });
});
