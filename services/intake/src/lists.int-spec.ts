import { randomUUID } from 'node:crypto';
import { AuditPage } from '@accessdesk/audit';
import {
  Actor,
  CaseListFilter,
  CaseListView,
  CaseView,
  GetCaseV1,
  ListCasesV1,
  ListWorkItemsV1,
  LoginAndSealStatus,
  QueryAuditV1,
  ResidentStatusV1,
  RpcReply,
  SubmitCaseV1,
  WorkItemFilter,
  WorkItemList,
} from '@accessdesk/contracts';
import { ServiceHarness, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { WorkItemEntity } from './domain/work-items/work-item.entity';
import { IntakeConfig } from './intake.config';

const UNIT_1 = 'SE2321000131-E000000000001';
const UNIT_2 = 'SE2321000131-E000000000002';
const drA: Actor = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: UNIT_1 };
const drB: Actor = { sub: 'SE2321000131-E000000000021', name: 'Dr B', region: 'VGR', roles: ['unit_head'], unit: UNIT_2 };
const desk: Actor = { sub: 'SE2321000131-E000000000013', name: 'Diana Desk', region: 'VGR', roles: ['service_desk'], unit: 'SE2321000131-E000000000003' };
const auditor: Actor = { sub: 'SE2321000131-E000000000016', name: 'Fredrik Falk', region: 'VGR', roles: ['auditor'] };
const contactCentre: Actor = { sub: 'SE2321000131-E000000000015', name: 'Eva Ek', region: 'VGR', roles: ['contact_centre'], unit: 'SE2321000131-E000000000004' };
const kronobergDesk: Actor = { sub: 'SE2321000066-E000000000013', name: 'Kim Kron', region: 'KRONOBERG', roles: ['service_desk'] };

const TOVA = '199001012385';
const OSKAR = '199304171797';

function form(by: Actor, personnummer: string) {
  return {
    type: 'LOGIN_LOCK' as const,
    resident: { personnummer, name: 'Tova Testsson' },
    channel: 'FORM' as const,
    initiator: { kind: 'STAFF' as const, description: '' },
    decision: {
      decidedBy: { hsaId: by.sub, name: by.name, role: by.roles.includes('unit_head') ? ('UNIT_HEAD' as const) : ('CLINICIAN' as const) },
      decidedAt: '2026-11-20T09:00:00Z',
      reasons: ['THREAT' as const],
      motivation: 'Hotbild',
      journalNoteRef: 'note',
      chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
    },
    patientInformed: { informed: true },
    signature: { signedBy: by.sub, signedAt: '2026-11-20T09:05:00Z' },
    requestingUnit: { hsaId: by.unit as string, name: by.unit === UNIT_1 ? 'Vårdcentralen Ett' : 'Vårdcentralen Två', headEmail: 'head@example.se' },
  };
}

/**
 * Issue 11: the lists intake answers, a page at a time by keyset, and each saying when it is cut:
 * `GET /cases` (object rules as `GET /cases/{id}`), the desk's inbox, a resident's cases, a case's
 * earlier cases, and the audit trail by staff member and time range. The limits are small here
 * (RELATED_CASES_SHOWN, RESIDENT_STATUS_CASES; `limit` on the pages) rather than the rows many.
 */
describe('intake lists', () => {
  let harness: ServiceHarness;
  /** The cases filed in `beforeAll`, newest first: drA's (unit 1) for Tova and Oskar, drB's (unit 2) for Tova. */
  const filed: CaseView[] = [];
  /** Whose each filed case is. */
  const residentOf = new Map<string, string>();

  async function ask<P extends object, R>(contract: { type: string } & (new () => P), payload: P, actor: Actor): Promise<RpcReply<R>> {
    const id = randomUUID();
    return harness.driver.request<P, R>('intake', contract, payload, { correlationId: id, causationId: id, region: actor.region, actor });
  }

  async function file(by: Actor, personnummer: string): Promise<CaseView> {
    const reply = await ask<SubmitCaseV1, CaseView>(SubmitCaseV1, { request: form(by, personnummer), idempotencyKey: randomUUID() }, by);
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    residentOf.set(reply.body.id, personnummer);
    return reply.body;
  }

  async function list(actor: Actor, filter: CaseListFilter): Promise<CaseListView> {
    const reply = await ask<ListCasesV1, CaseListView>(ListCasesV1, { filter }, actor);
    if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
    return reply.body;
  }

  /** Every page, following nextCursor; `between` runs after the first page. */
  async function allPages(actor: Actor, filter: CaseListFilter, between?: () => Promise<void>): Promise<CaseListView[]> {
    const pages = [await list(actor, filter)];
    if (between) await between();
    while (pages[pages.length - 1].nextCursor) pages.push(await list(actor, { ...filter, cursor: pages[pages.length - 1].nextCursor as string }));
    return pages;
  }

  beforeAll(async () => {
    harness = await startServiceUnderTest({ appModule: AppModule.forRoot, configClass: IntakeConfig, env: { RELATED_CASES_SHOWN: '2', RESIDENT_STATUS_CASES: '3' } });
    // One at a time, so that their order is their filing order.
    for (const [by, who] of [[drA, TOVA], [drA, OSKAR], [drB, TOVA], [drA, TOVA], [drA, OSKAR], [drB, TOVA], [drA, TOVA]] as const) filed.unshift(await file(by, who));
  });

  afterAll(() => harness?.close());

  describe('GET /cases', () => {
    it('pages through the region’s cases newest first for the service desk: no case twice, none left out', async () => {
      const pages = await allPages(desk, { limit: 3 });
      expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
      expect(pages.map((p) => p.truncated)).toEqual([true, true, false]);
      expect(pages[2].nextCursor).toBeNull();
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(filed.map((c) => c.id));
    });

    it('stays stable while cases are filed between its pages: the new ones come first in a new list, never inside the pages being read', async () => {
      let added: CaseView[] = [];
      const pages = await allPages(desk, { limit: 2 }, async () => {
        added = [await file(drA, OSKAR), await file(drB, OSKAR)];
      });
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(filed.map((c) => c.id));
      const fresh = await list(desk, { limit: 2 });
      expect(fresh.items.map((i) => i.id)).toEqual([added[1].id, added[0].id]);
      filed.unshift(added[0]);
      filed.unshift(added[1]);
    });

    it('shows care staff their own unit’s cases only, whatever unit they filter by', async () => {
      const own = (await allPages(drA, { limit: 200 })).flatMap((p) => p.items);
      expect(own.map((i) => i.id)).toEqual(filed.filter((c) => c.requestingUnit.hsaId === UNIT_1).map((c) => c.id));
      expect(own.every((i) => i.requestingUnit.hsaId === UNIT_1)).toBe(true);
      expect((await list(drA, { unit: UNIT_2 })).items).toEqual([]);
      const theirs = await list(drB, {});
      expect(theirs.items.map((i) => i.id)).toEqual(filed.filter((c) => c.requestingUnit.hsaId === UNIT_2).map((c) => c.id));
    });

    it('filters by unit, by status and by registry number (exact), and lists no personnummer', async () => {
      const unit2 = await list(desk, { unit: UNIT_2 });
      expect(unit2.items.map((i) => i.id)).toEqual(filed.filter((c) => c.requestingUnit.hsaId === UNIT_2).map((c) => c.id));
      const target = filed[3];
      const byNumber = await list(desk, { registryNumber: target.registryNumber });
      expect(byNumber).toEqual({ items: [expect.objectContaining({ id: target.id, registryNumber: target.registryNumber, status: target.status, type: 'LOGIN_LOCK', region: 'VGR' })], nextCursor: null, truncated: false });
      expect((await list(desk, { registryNumber: 'VGR-2026-999999' })).items).toEqual([]);
      expect((await list(desk, { status: target.status })).items.length).toBe(filed.length);
      expect((await list(desk, { status: 'CLOSED' })).items).toEqual([]);
      expect(JSON.stringify(await list(desk, { limit: 200 }))).not.toMatch(new RegExp(`${TOVA}|${OSKAR}`));
    });

    it('shows another region nothing, and refuses a role the endpoint does not admit', async () => {
      expect(await list(kronobergDesk, {})).toEqual({ items: [], nextCursor: null, truncated: false });
      const refused = await ask<ListCasesV1, CaseListView>(ListCasesV1, { filter: {} }, contactCentre);
      expect(refused).toEqual({ ok: false, problem: expect.objectContaining({ status: 403, type: expect.stringMatching(/role-not-allowed$/) }) });
    });

    it('answers a cursor it did not make, an unknown status or a limit out of range with a 400 problem', async () => {
      for (const cursor of ['bm90LWEtY3Vyc29y', Buffer.from(JSON.stringify({ at: '2026-01-01T00:00:00.000Z', id: 'x' })).toString('base64url')]) {
        expect(await ask(ListCasesV1, { filter: { cursor } }, desk)).toEqual({ ok: false, problem: expect.objectContaining({ status: 400, type: expect.stringMatching(/cursor-invalid$/) }) });
      }
      expect(await ask(ListCasesV1, { filter: { status: 'LOST' } as unknown as CaseListFilter }, desk)).toEqual({ ok: false, problem: expect.objectContaining({ status: 400 }) });
      expect(await ask(ListCasesV1, { filter: { limit: 201 } }, desk)).toEqual({ ok: false, problem: expect.objectContaining({ status: 400 }) });
    });

    it('records each page in the audit trail (R23), with its filter and the cases it listed', async () => {
      const page = await list(drB, { status: 'VERIFYING', limit: 1 });
      const reply = await ask<QueryAuditV1, AuditPage>(QueryAuditV1, { actorHsaId: drB.sub }, auditor);
      if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
      const listed = reply.body.records.filter((r) => r.action === 'CASES_LISTED');
      expect(listed.at(-1)).toMatchObject({ region: 'VGR', caseId: null, detail: `ärendelista (status VERIFYING): 1 ärenden ${page.items[0].registryNumber}` });
    });
  });

  it('says when a case names only the newest of the resident’s earlier cases (R5)', async () => {
    const get = async (id: string) => {
      const reply = await ask<GetCaseV1, CaseView>(GetCaseV1, { caseId: id }, desk);
      if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
      return reply.body;
    };
    const tovas = filed.filter((c) => residentOf.get(c.id) === TOVA);
    expect(tovas.length).toBeGreaterThan(3);
    expect(await get(tovas[tovas.length - 1].id)).toMatchObject({ relatedCases: [], relatedCasesTruncated: false });
    expect(await get(tovas[tovas.length - 3].id)).toMatchObject({ relatedCases: [expect.anything(), expect.anything()], relatedCasesTruncated: false });
    const newest = await get(tovas[0].id);
    expect(newest.relatedCases.map((r) => r.id)).toEqual([tovas[1].id, tovas[2].id]);
    expect(newest.relatedCasesTruncated).toBe(true);
  });

  it('says when a resident’s status lists only the newest of the cases the caller may see', async () => {
    const status = async (actor: Actor) => {
      const reply = await ask<ResidentStatusV1, LoginAndSealStatus>(ResidentStatusV1, { personnummer: TOVA }, actor);
      if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
      return reply.body;
    };
    const tovas = filed.filter((c) => residentOf.get(c.id) === TOVA);
    const deskView = await status(desk);
    expect(deskView.cases.map((c) => c.id)).toEqual(tovas.slice(0, 3).map((c) => c.id));
    expect(deskView.casesTruncated).toBe(true);
    // Dr B sees unit 2's cases of Tova only, all of them: nothing is cut, though the region has more.
    const drBView = await status(drB);
    expect(drBView.cases.map((c) => c.id)).toEqual(tovas.filter((c) => c.requestingUnit.hsaId === UNIT_2).map((c) => c.id));
    expect(drBView.casesTruncated).toBe(false);
  });

  describe('the desk’s inbox', () => {
    const items: string[] = [];

    beforeAll(async () => {
      const base = Date.now() - 60_000;
      for (let i = 0; i < 5; i += 1) {
        const id = randomUUID();
        items.push(id);
        await harness.dataSource.getRepository(WorkItemEntity).insert({
          id,
          kind: 'PAPERWORK',
          queue: 'SERVICE_DESK',
          status: 'OPEN',
          region: 'VGR',
          caseId: randomUUID(),
          registryNumber: `VGR-2026-90000${i}`,
          action: null,
          actionId: null,
          title: 'Jaga blanketten',
          details: [],
          escalated: false,
          subject: null,
          // Two items share an instant: the id orders them.
          createdAt: new Date(base + Math.min(i, 3) * 1000),
          completedAt: null,
          completedBy: null,
          resolution: null,
        });
      }
    });

    async function inbox(filter: WorkItemFilter): Promise<WorkItemList> {
      const reply = await ask<ListWorkItemsV1, WorkItemList>(ListWorkItemsV1, { filter }, desk);
      if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
      return reply.body;
    }

    it('says when a page is cut and gives the cursor of the rest: oldest first, no item twice, none left out', async () => {
      const pages = [await inbox({ limit: 2 })];
      while (pages[pages.length - 1].nextCursor) pages.push(await inbox({ limit: 2, cursor: pages[pages.length - 1].nextCursor as string }));
      expect(pages.map((p) => [p.items.length, p.truncated])).toEqual([[2, true], [2, true], [1, false]]);
      const ids = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(5);
      expect([...ids].sort()).toEqual([...items].sort());
      expect(ids.slice(0, 3)).toEqual(items.slice(0, 3));
    });

    it('answers the whole inbox in one page when it fits, and a cursor it did not make with a 400 problem', async () => {
      expect(await inbox({})).toMatchObject({ nextCursor: null, truncated: false });
      expect((await inbox({})).items).toHaveLength(5);
      expect(await ask(ListWorkItemsV1, { filter: { cursor: 'AAAA' } }, desk)).toEqual({ ok: false, problem: expect.objectContaining({ status: 400, type: expect.stringMatching(/cursor-invalid$/) }) });
    });
  });

  describe('the audit trail by staff member and time range', () => {
    async function trail(query: QueryAuditV1, actor: Actor = auditor): Promise<AuditPage> {
      const reply = await ask<QueryAuditV1, AuditPage>(QueryAuditV1, query, actor);
      if (!reply.ok) throw new Error(JSON.stringify(reply.problem));
      return reply.body;
    }

    it('pages through what one staff member did, in the chain’s order, stable while records are written between pages', async () => {
      const whole = await trail({ actorHsaId: drA.sub });
      expect(whole.more).toBe(false);
      expect(whole.records.length).toBeGreaterThan(6);
      expect(whole.records.every((r) => r.actor.sub === drA.sub)).toBe(true);
      const seen: string[] = [];
      let page = await trail({ actorHsaId: drA.sub, limit: 4 });
      // Dr A files a case meanwhile: its records come after every page already read.
      const late = await file(drA, TOVA);
      filed.unshift(late);
      for (;;) {
        seen.push(...page.records.map((r) => r.id));
        if (!page.more) break;
        const last = page.records[page.records.length - 1];
        page = await trail({ actorHsaId: drA.sub, limit: 4, ...(last.seq === null ? { afterUnlinkedId: last.id } : { afterSeq: last.seq }) });
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.slice(0, whole.records.length)).toEqual(whole.records.map((r) => r.id));
      const after = (await trail({ actorHsaId: drA.sub })).records;
      expect(seen).toEqual(after.map((r) => r.id));
      expect(after.some((r) => r.caseId === late.id)).toBe(true);
    });

    it('narrows by a time range, from inclusive, to exclusive, and by staff member and case together', async () => {
      const all = (await trail({ actorHsaId: drA.sub })).records;
      const middle = all[Math.floor(all.length / 2)];
      const from = (await trail({ actorHsaId: drA.sub, from: middle.at })).records;
      expect(from.length).toBeGreaterThan(0);
      expect(from.every((r) => r.at >= middle.at)).toBe(true);
      expect(from.map((r) => r.id)).toContain(middle.id);
      const to = (await trail({ actorHsaId: drA.sub, to: middle.at })).records;
      expect(to.every((r) => r.at < middle.at)).toBe(true);
      expect(to.length + from.length).toBe(all.length);
      const ofCase = (await trail({ caseId: filed[0].id, actorHsaId: drA.sub })).records;
      expect(ofCase.length).toBeGreaterThan(0);
      expect(ofCase.every((r) => r.caseId === filed[0].id && r.actor.sub === drA.sub)).toBe(true);
      const range = (await trail({ from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).records;
      expect(range).toEqual([]);
    });

    it('keeps another region’s records out, and records the reading with what was asked', async () => {
      const kronobergAuditor: Actor = { ...auditor, sub: 'SE2321000066-E000000000016', region: 'KRONOBERG' };
      expect((await trail({ actorHsaId: drA.sub }, kronobergAuditor)).records).toEqual([]);
      const readings = (await trail({ actorHsaId: auditor.sub, from: '2026-01-01T00:00:00Z' })).records.filter((r) => r.action === 'AUDIT_READ');
      expect(readings.map((r) => r.detail)).toContain(`granskning av loggen; medarbetare ${drA.sub}`);
    });

    it('answers a question without a filter, with both a case and a resident, or with an empty range with a 400 problem; another role with 403', async () => {
      const bad = expect.objectContaining({ status: 400 });
      expect(await ask(QueryAuditV1, {}, auditor)).toEqual({ ok: false, problem: bad });
      expect(await ask(QueryAuditV1, { caseId: filed[0].id, personnummer: TOVA }, auditor)).toEqual({ ok: false, problem: bad });
      expect(await ask(QueryAuditV1, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, auditor)).toEqual({ ok: false, problem: bad });
      expect(await ask(QueryAuditV1, { actorHsaId: 'not an hsa id' }, auditor)).toEqual({ ok: false, problem: bad });
      expect(await ask(QueryAuditV1, { actorHsaId: drA.sub }, desk)).toEqual({ ok: false, problem: expect.objectContaining({ status: 403 }) });
    });
  });
});
