import { DataSource } from 'typeorm';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { TestDatabase, createTestDatabase } from '@accessdesk/testing';
import { Sessions1733100000000 } from '../migrations/1733100000000-sessions';
import { SessionStore } from './session.store';

/** Server-side sessions against the real PostgreSQL: what a restart of the console finds again. */
describe('SessionStore', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: SessionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createServiceDataSource({ url: db.url, schema: 'console', entities: [], migrations: [Sessions1733100000000] });
    await initializeAndMigrate(dataSource);
    store = new SessionStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const inAnHour = () => new Date(Date.now() + 3_600_000);

  it('keeps a session by the hash of its id only, with a fresh CSRF token, until it is destroyed', async () => {
    const session = await store.create({ user: { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'] } }, inAnHour());
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.data.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = (await dataSource.query('SELECT id_hash, data::text AS data FROM console.sessions')) as Array<{ id_hash: string; data: string }>;
    expect(rows.some((r) => r.id_hash.includes(session.id) || r.data.includes(session.id))).toBe(false);

    // A second store over the same database: another instance, or the console after a restart.
    const afterRestart = new SessionStore(dataSource);
    expect((await afterRestart.find(session.id))?.data).toEqual(session.data);
    await afterRestart.destroy(session.id);
    expect(await store.find(session.id)).toBeNull();
  });

  it('records activity, and neither finds nor keeps what has expired', async () => {
    const session = await store.create({}, inAnHour());
    await dataSource.query(`UPDATE console.sessions SET last_seen_at = now() - interval '20 minutes'`);
    const idle = (await store.find(session.id))!.lastSeenAt.getTime();
    await store.touch(session.id);
    expect((await store.find(session.id))!.lastSeenAt.getTime() - idle).toBeGreaterThan(19 * 60_000);

    const expired = await store.create({}, new Date(Date.now() - 1_000));
    expect(await store.find(expired.id)).toBeNull();
    await store.removeExpired();
    const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM console.sessions')) as Array<{ count: number }>;
    expect(count).toBe(1);
  });

  it('saves what a page keeps in the session (the guardian blocks opened), found again by another instance', async () => {
    const session = await store.create({}, inAnHour());
    const data = { ...session.data, recentGuardianBlocks: [{ id: '8f0c5a5e-0000-4000-8000-000000000001', registryNumber: 'VGR-2026-VB-000001', at: '2026-11-20T09:00:00.000Z' }] };
    await store.saveData(session.id, data);
    expect((await new SessionStore(dataSource).find(session.id))?.data).toEqual(data);
    await store.destroy(session.id);
  });
});
