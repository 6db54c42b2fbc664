import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@accessdesk/testing';
import { DataSource, EntityManager } from 'typeorm';
import { RpcReply } from '@accessdesk/contracts';
import { createServiceDataSource, initializeAndMigrate } from './data-source';
import { IDEMPOTENCY_KEY_REUSED, createIdempotently, requestHashOf } from './idempotent-create';
import { nextRegistrySerial } from './registry-counter';
import { runTogether } from './run-together';

const SCHEMA = 'registration_test';

/** A row as a service's create keeps it: who asked, with which key, and the hash of what they asked. */
interface Thing {
  id: string;
  requestHash: string;
}

/**
 * What intake's cases and guardian-block's blocks share when they are registered: the R6 serial of
 * the registry number, and the `Idempotency-Key` that makes a create happen once.
 */
describe('registration helpers shared by the services', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createServiceDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: [] });
    await initializeAndMigrate(ds);
    await ds.query(`CREATE TABLE ${SCHEMA}.registry_counters (region text NOT NULL, year integer NOT NULL, last integer NOT NULL, PRIMARY KEY (region, year))`);
    await ds.query(`CREATE TABLE ${SCHEMA}.things (id uuid PRIMARY KEY, owner text NOT NULL, key text NOT NULL, request_hash text NOT NULL)`);
    await ds.query(`CREATE UNIQUE INDEX things_idempotency ON ${SCHEMA}.things (owner, key)`);
    await ds.query(`CREATE TABLE ${SCHEMA}.notes (id bigserial PRIMARY KEY, thing_id uuid NOT NULL REFERENCES ${SCHEMA}.things (id), text text NOT NULL)`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  describe('R6 registry serials', () => {
    const next = (region: string, at: Date) => ds.transaction((manager) => nextRegistrySerial(manager, region, at));

    it('run per region and year, from 1', async () => {
      const at = new Date('2026-06-01T10:00:00Z');
      expect(await next('VGR', at)).toEqual({ year: 2026, serial: 1 });
      expect(await next('VGR', at)).toEqual({ year: 2026, serial: 2 });
      expect(await next('KRONOBERG', at)).toEqual({ year: 2026, serial: 1 });
      expect(await next('VGR', new Date('2027-06-01T10:00:00Z'))).toEqual({ year: 2027, serial: 1 });
    });

    it('count the Swedish year: 00:30 on New Year’s Day in Sweden starts the new series', async () => {
      expect(await next('HALLAND', new Date('2027-12-31T23:30:00Z'))).toEqual({ year: 2028, serial: 1 });
      expect(await next('HALLAND', new Date('2027-12-31T22:30:00Z'))).toEqual({ year: 2027, serial: 1 });
    });

    it('never give two concurrent registrations the same serial', async () => {
      const at = new Date('2026-03-01T10:00:00Z');
      const serials = await Promise.all(Array.from({ length: 8 }, () => next('SKANE', at)));
      expect(serials.map((s) => s.serial).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe('an Idempotency-Key creates once', () => {
    let creates = 0;

    /** A create of a thing as a service would do it: its checks passed, one insert in one transaction. */
    function createThing(owner: string, key: string, request: object, before: () => Promise<void> = async () => undefined): Promise<RpcReply<{ id: string }>> {
      const requestHash = requestHashOf(request);
      return createIdempotently<Thing, { id: string }>(ds, {
        requestHash,
        uniqueIndex: 'things_idempotency',
        findCreated: async (manager: EntityManager) =>
          (await manager.query(`SELECT id, request_hash AS "requestHash" FROM ${SCHEMA}.things WHERE owner = $1 AND key = $2`, [owner, key]))[0] ?? null,
        answerAgain: async (_manager, created) => ({ id: created.id }),
        create: async () => {
          await before();
          const id = randomUUID();
          await ds.query(`INSERT INTO ${SCHEMA}.things (id, owner, key, request_hash) VALUES ($1, $2, $3, $4)`, [id, owner, key, requestHash]);
          creates += 1;
          return { ok: true, body: { id } };
        },
      });
    }

    beforeEach(() => {
      creates = 0;
    });

    it('answers the same request with the same key with what the first one created', async () => {
      const first = await createThing('SE2321000131-E000000000011', 'k-1', { a: 1, b: 2 });
      // The same request with its fields in another order is the same request.
      const again = await createThing('SE2321000131-E000000000011', 'k-1', { b: 2, a: 1 });
      expect(first).toMatchObject({ ok: true });
      expect(again).toEqual(first);
      expect(creates).toBe(1);
    });

    it('refuses the key with another request, and lets another caller use the same key', async () => {
      await createThing('SE2321000131-E000000000011', 'k-2', { a: 1 });
      expect(await createThing('SE2321000131-E000000000011', 'k-2', { a: 2 })).toEqual({ ok: false, problem: IDEMPOTENCY_KEY_REUSED });
      expect(await createThing('SE2321000131-E000000000012', 'k-2', { a: 2 })).toMatchObject({ ok: true });
      expect(creates).toBe(2);
    });

    it('answers the loser of two requests with one key at the same moment with what the winner created', async () => {
      // Both pass the look-up before either inserts: the unique index decides.
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothLookedUp = new Promise<void>((resolve) => (release = resolve));
      const meet = async () => {
        arrived += 1;
        if (arrived === 2) release();
        await bothLookedUp;
      };
      const [a, b] = await Promise.all([createThing('SE2321000131-E000000000011', 'k-3', { a: 1 }, meet), createThing('SE2321000131-E000000000011', 'k-3', { a: 1 }, meet)]);
      expect(creates).toBe(1);
      expect(a).toMatchObject({ ok: true });
      expect(b).toEqual(a);
    });

    it('lets any other failure of the create through', async () => {
      const failing = createIdempotently<Thing, never>(ds, {
        requestHash: requestHashOf({}),
        uniqueIndex: 'things_idempotency',
        findCreated: async () => null,
        answerAgain: async () => {
          throw new Error('not reached');
        },
        create: async () => {
          throw new Error('the register is down');
        },
      });
      await expect(failing).rejects.toThrow('the register is down');
    });
  });

  describe('writes run together in one statement', () => {
    const thing = (id: string, key: string) => ({ sql: `INSERT INTO ${SCHEMA}.things (id, owner, key, request_hash) VALUES ($1, $2, $3, $4)`, params: [id, 'together', key, 'h'] });
    const note = (thingId: string, text: string) => ({ sql: `INSERT INTO ${SCHEMA}.notes (thing_id, text) VALUES ($1, $2)`, params: [thingId, text] });
    const notesOf = async (thingId: string) => (await ds.query(`SELECT text FROM ${SCHEMA}.notes WHERE thing_id = $1 ORDER BY id`, [thingId])).map((r: { text: string }) => r.text);

    it('writes every part, each with its own parameters, a row and the rows referring to it included', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      let roundTrips = 0;
      await ds.transaction(async (manager) => {
        const query = manager.query.bind(manager);
        manager.query = ((sql: string, params?: unknown[]) => (roundTrips++, query(sql, params))) as typeof manager.query;
        await runTogether(manager, [thing(a, `a-${a}`), note(a, 'first'), thing(b, `b-${b}`), note(a, 'second'), note(b, 'third')]);
      });
      expect(roundTrips).toBe(1);
      // The parts run in no defined order: only rows of one part are numbered in the order given.
      expect((await notesOf(a)).sort()).toEqual(['first', 'second']);
      expect(await notesOf(b)).toEqual(['third']);
    });

    it('writes nothing when one part fails, and rolls back with the transaction', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await expect(runTogether(ds.manager, [thing(a, `a-${a}`), note(randomUUID(), 'refers to no thing')])).rejects.toThrow(/foreign key/);
      expect(await ds.query(`SELECT 1 FROM ${SCHEMA}.things WHERE id = $1`, [a])).toEqual([]);
      await expect(
        ds.transaction(async (manager) => {
          await runTogether(manager, [thing(b, `b-${b}`), note(b, 'kept until the rollback')]);
          throw new Error('the caller fails after');
        }),
      ).rejects.toThrow('the caller fails after');
      expect(await notesOf(b)).toEqual([]);
    });
  });
});
