import { DataSource } from 'typeorm';
import { Actor } from '@accessdesk/contracts';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { TestDatabase, createTestDatabase, pollUntil } from '@accessdesk/testing';
import { AuditChainLinker } from './audit-linker';
import { AuditPosition, AuditRecord, appendAudit, findAudit, linkPendingAudit, residentRef, searchAudit, verifyAuditChain } from './audit-log';
import { AuditLinkedAfterCommit1732300000900, AuditLogTable1732300000700 } from './audit-log.migration';

const SCHEMA = 'audit_test';
const actor: Actor = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001', origin: '10.1.2.3' };
const CASE = '5b0f6b9e-5f0a-4a4e-9c4f-2d2f7f6e8a01';
const AUDIT_MIGRATIONS = [AuditLogTable1732300000700, AuditLinkedAfterCommit1732300000900];

describe('R23 audit trail', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createServiceDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: AUDIT_MIGRATIONS });
    await initializeAndMigrate(ds);
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('chains records written by concurrent transactions, and verifies', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        ds.transaction((m) => appendAudit(m, { action: i % 2 ? 'CASE_READ' : 'CASE_STATUS_CHANGED', actor, region: 'VGR', caseId: CASE, detail: `step ${i}` })),
      ),
    );
    const verdict = await verifyAuditChain(ds);
    expect(verdict).toMatchObject({ valid: true, records: 25 });
    const records = await findAudit(ds, { caseId: CASE });
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(records[0]).toMatchObject({ origin: '10.1.2.3', actor: { sub: actor.sub, roles: ['clinician'] } });
  });

  it('finds a resident by pseudonym, never by the number itself', async () => {
    const ref = residentRef('199001012385', 'test-key');
    expect(ref).not.toContain('199001012385');
    expect(residentRef('199001012385', 'other-key')).not.toBe(ref);
    await ds.transaction((m) => appendAudit(m, { action: 'RESIDENT_STATUS_READ', actor, region: 'VGR', residentRef: ref }));
    const found = await findAudit(ds, { residentRef: ref });
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found)).not.toContain('199001012385');
  });

  it('refuses to change or delete a record through the database', async () => {
    await expect(ds.query(`UPDATE "${SCHEMA}".audit_log SET detail = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM "${SCHEMA}".audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE "${SCHEMA}".audit_log`)).rejects.toThrow(/append-only/);
  });

  it('names the record that was edited behind the triggers’ back', async () => {
    const [{ id }] = await ds.query(`SELECT id FROM "${SCHEMA}".audit_log WHERE seq = 7`);
    await ds.query(`ALTER TABLE "${SCHEMA}".audit_log DISABLE TRIGGER audit_log_no_change`);
    await ds.query(`UPDATE "${SCHEMA}".audit_log SET detail = 'nothing to see' WHERE seq = 7`);
    await ds.query(`ALTER TABLE "${SCHEMA}".audit_log ENABLE TRIGGER audit_log_no_change`);
    expect(await verifyAuditChain(ds)).toEqual({ valid: false, records: 6, brokenAt: { seq: 7, id }, reason: 'its content does not match its hash' });
  });

  it('notices a record removed from the middle', async () => {
    const fresh = await createTestDatabase();
    const other = createServiceDataSource({ url: fresh.url, schema: SCHEMA, entities: [], migrations: AUDIT_MIGRATIONS });
    try {
      await initializeAndMigrate(other);
      for (let i = 0; i < 4; i++) await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE }));
      await linkPendingAudit(other);
      await other.query(`ALTER TABLE "${SCHEMA}".audit_log DISABLE TRIGGER audit_log_no_change`);
      await other.query(`DELETE FROM "${SCHEMA}".audit_log WHERE seq = 2`);
      const verdict = await verifyAuditChain(other);
      expect(verdict).toMatchObject({ valid: false, brokenAt: { seq: 3 }, reason: 'record 2 is missing' });
    } finally {
      await other.destroy();
      await fresh.drop();
    }
  });

  it('R23 answers a region’s auditor about the whole chain, naming and counting only that region’s records', async () => {
    const fresh = await createTestDatabase();
    const other = createServiceDataSource({ url: fresh.url, schema: SCHEMA, entities: [], migrations: AUDIT_MIGRATIONS });
    try {
      await initializeAndMigrate(other);
      for (const region of ['VGR', 'KRONOBERG', 'VGR', 'KRONOBERG', 'VGR']) {
        await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor: { ...actor, region }, region, caseId: CASE }));
      }
      expect(await verifyAuditChain(other, 'VGR')).toMatchObject({ valid: true, records: 3 });
      expect(await verifyAuditChain(other, 'KRONOBERG')).toMatchObject({ valid: true, records: 2 });
      const [{ id }] = await other.query(`SELECT id FROM "${SCHEMA}".audit_log WHERE seq = 4`);
      await other.query(`ALTER TABLE "${SCHEMA}".audit_log DISABLE TRIGGER audit_log_no_change`);
      await other.query(`UPDATE "${SCHEMA}".audit_log SET detail = 'changed' WHERE seq = 4`);
      expect(await verifyAuditChain(other, 'VGR')).toEqual({ valid: false, records: 2, brokenAt: null, reason: 'a record of another region does not fit' });
      expect(await verifyAuditChain(other, 'KRONOBERG')).toEqual({ valid: false, records: 1, brokenAt: { seq: 4, id }, reason: 'its content does not match its hash' });
    } finally {
      await other.destroy();
      await fresh.drop();
    }
  });

  describe('linked after commit (issue 10)', () => {
    let fresh: TestDatabase;
    let other: DataSource;

    beforeEach(async () => {
      fresh = await createTestDatabase();
      other = createServiceDataSource({ url: fresh.url, schema: SCHEMA, entities: [], migrations: AUDIT_MIGRATIONS });
      await initializeAndMigrate(other);
    });

    afterEach(async () => {
      await other.destroy();
      await fresh.drop();
    });

    it('lets a transaction append and commit while another that appended is still open: no lock is taken', async () => {
      const runner = other.createQueryRunner();
      await runner.startTransaction();
      try {
        await appendAudit(runner.manager, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE, detail: 'held open' });
        // With a lock over the chain this would wait for the open transaction, and time out.
        await other.transaction(async (m) => {
          await m.query(`SET LOCAL lock_timeout = '2s'`);
          await appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE, detail: 'committed first' });
        });
        // The linker links what has committed; the open transaction's record waits for its commit.
        expect(await linkPendingAudit(other)).toBe(1);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
      const records = await findAudit(other, { caseId: CASE });
      expect(records.map((r) => [r.seq, r.detail])).toEqual([
        [1, 'committed first'],
        [2, 'held open'],
      ]);
      expect(await verifyAuditChain(other)).toMatchObject({ valid: true, records: 2, unlinked: { count: 0, first: [] } });
    });

    it('keeps a record unlinked until the linker comes, and names it in a verification that finds it changed', async () => {
      const written = await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE, detail: 'as written' }));
      expect(written.seq).toBeNull();
      const [row] = await other.query(`SELECT seq, content_hash FROM "${SCHEMA}".audit_log WHERE id = $1`, [written.id]);
      expect(row).toMatchObject({ seq: null, content_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      // Changed behind the triggers' back before it was linked: never linked, and named.
      await other.query(`ALTER TABLE "${SCHEMA}".audit_log DISABLE TRIGGER audit_log_no_change`);
      await other.query(`UPDATE "${SCHEMA}".audit_log SET detail = 'nothing to see' WHERE id = $1`, [written.id]);
      await other.query(`ALTER TABLE "${SCHEMA}".audit_log ENABLE TRIGGER audit_log_no_change`);
      expect(await linkPendingAudit(other)).toBe(0);
      expect(await verifyAuditChain(other)).toEqual({
        valid: false,
        records: 0,
        brokenAt: { seq: null, id: written.id },
        reason: 'a record not yet linked into the chain does not match its content hash',
      });
    });

    it('pages by seq, then through the records the linker held back, never repeating or skipping one (issue 11)', async () => {
      for (let i = 0; i < 5; i++) await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE, detail: `linked ${i}` }));
      await linkPendingAudit(other);
      // A record changed before it was linked holds itself and every later one back.
      const held = await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE, detail: 'held 0' }));
      await other.query(`ALTER TABLE "${SCHEMA}".audit_log DISABLE TRIGGER audit_log_no_change`);
      await other.query(`UPDATE "${SCHEMA}".audit_log SET detail = 'changed' WHERE id = $1`, [held.id]);
      await other.query(`ALTER TABLE "${SCHEMA}".audit_log ENABLE TRIGGER audit_log_no_change`);
      for (let i = 1; i < 4; i++) await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE, detail: `held ${i}` }));
      await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor: { ...actor, sub: 'SE2321000131-E000000000099' }, region: 'VGR', caseId: CASE, detail: 'someone else' }));

      const pages: Array<{ records: AuditRecord[]; more: boolean }> = [];
      let position: AuditPosition = {};
      for (;;) {
        const page = await searchAudit(other, { caseId: CASE, actorSub: actor.sub }, position, 3);
        pages.push(page);
        if (!page.more) break;
        const last = page.records[page.records.length - 1];
        position = last.seq === null ? { afterUnlinkedId: last.id } : { afterSeq: last.seq };
      }
      expect(pages.map((p) => [p.records.map((r) => r.detail), p.more])).toEqual([
        [['linked 0', 'linked 1', 'linked 2'], true],
        [['linked 3', 'linked 4', 'changed'], true],
        [['held 1', 'held 2', 'held 3'], false],
      ]);
      expect(pages[1].records.map((r) => r.seq)).toEqual([4, 5, null]);
      // Exactly a page's worth: the page says there is no more.
      expect(await searchAudit(other, { caseId: CASE, actorSub: actor.sub }, {}, 9)).toMatchObject({ more: false });
      expect(await searchAudit(other, { caseId: CASE, actorSub: actor.sub }, {}, 8)).toMatchObject({ more: true });
    });

    it('allows linking a record once and nothing else: what it says cannot change on the way', async () => {
      const written = await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE }));
      await expect(other.query(`UPDATE "${SCHEMA}".audit_log SET seq = 1, prev_hash = 'x', hash = 'y', detail = 'smuggled' WHERE id = $1`, [written.id])).rejects.toThrow(/append-only/);
      expect(await linkPendingAudit(other)).toBe(1);
      await expect(other.query(`UPDATE "${SCHEMA}".audit_log SET seq = 2 WHERE id = $1`, [written.id])).rejects.toThrow(/append-only/);
    });

    it('links what commits without being asked: the commit wakes the service’s linker', async () => {
      const linker = new AuditChainLinker(other, { warn: () => undefined });
      linker.start();
      try {
        const written = await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE }));
        const [linked] = await pollUntil(async () => {
          const rows = await other.query(`SELECT seq FROM "${SCHEMA}".audit_log WHERE id = $1 AND seq IS NOT NULL`, [written.id]);
          return rows.length === 1 ? rows : undefined;
        }, { what: 'the record linked', timeoutMs: 900 });
        expect(Number(linked.seq)).toBe(1);
      } finally {
        await linker.stop();
      }
    });
  });
});
