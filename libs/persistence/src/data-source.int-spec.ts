import { createTestDatabase, pollUntil, TestDatabase } from '@accessdesk/testing';
import { DataSource } from 'typeorm';
import { createServiceDataSource, initializeAndMigrate } from './data-source';

/**
 * Bounded waits on the database (issue "Faults never leave a case stuck or wrong", item 5): a
 * statement that runs too long is cancelled and a transaction left idle is ended by the server,
 * instead of holding a connection and its locks for ever.
 */
describe('a service data source never waits for ever', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createServiceDataSource({ url: db.url, schema: 'timeouts_test', entities: [], migrations: [], timeouts: { statementMs: 300, idleInTransactionMs: 300 } });
    await initializeAndMigrate(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('cancels a statement that runs longer than the statement timeout (57014)', async () => {
    await expect(ds.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ driverError: { code: '57014' } });
    await expect(ds.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('ends a transaction left idle longer than the idle-in-transaction timeout, releasing its locks', async () => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT 1');
      const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
      const admin = createServiceDataSource({ url: db.url, schema: 'timeouts_test', entities: [], migrations: [] });
      await admin.initialize();
      try {
        await pollUntil(async () => (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [pid]))[0].n === 0, {
          what: 'the server to end the idle transaction',
        });
      } finally {
        await admin.destroy();
      }
      await expect(runner.query('SELECT 1')).rejects.toThrow();
    } finally {
      await runner.release().catch(() => undefined);
    }
  });
});
