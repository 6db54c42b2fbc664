import { DataSource } from 'typeorm';
import { Actor } from '@accessdesk/contracts';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { TestDatabase, createTestDatabase } from '@accessdesk/testing';
import { appendAudit, findAudit, residentRef, verifyAuditChain } from './audit-log';
import { AuditLogTable1732300000700 } from './audit-log.migration';

const SCHEMA = 'audit_test';
const actor: Actor = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001', origin: '10.1.2.3' };
const CASE = '5b0f6b9e-5f0a-4a4e-9c4f-2d2f7f6e8a01';

describe('R23 audit trail', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createServiceDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: [AuditLogTable1732300000700] });
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
    const other = createServiceDataSource({ url: fresh.url, schema: SCHEMA, entities: [], migrations: [AuditLogTable1732300000700] });
    try {
      await initializeAndMigrate(other);
      for (let i = 0; i < 4; i++) await other.transaction((m) => appendAudit(m, { action: 'CASE_READ', actor, region: 'VGR', caseId: CASE }));
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
    const other = createServiceDataSource({ url: fresh.url, schema: SCHEMA, entities: [], migrations: [AuditLogTable1732300000700] });
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
});
