import { DataSource } from 'typeorm';
import { createServiceDataSource, initializeAndMigrate } from '@accessdesk/persistence';
import { TestDatabase, createTestDatabase } from '@accessdesk/testing';
import { Sessions1733100000000 } from '../migrations/1733100000000-sessions';
import { SessionStore } from './session.store';
import { SESSION_COOKIE, TokenRefresher, sessionMiddleware } from './session.middleware';
import { ConsoleConfig } from '../console.config';

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

  it('keeps what a session holds sealed: no token readable in the table, and a row moved under another id opens to nothing', async () => {
    const tokens = { accessToken: 'eyJ.access-token-of-dr-a.sig', idToken: 'eyJ.id-token.sig', expiresAt: Date.now() + 3_600_000 };
    const session = await store.create({ user: { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician'] }, tokens }, inAnHour());
    const text = (await dataSource.query('SELECT data::text AS data FROM console.sessions')) as Array<{ data: string }>;
    expect(text.some((r) => r.data.includes('access-token-of-dr-a') || r.data.includes('Dr A') || r.data.includes(session.data.csrfToken))).toBe(false);
    expect((await store.find(session.id))?.data.tokens).toEqual(tokens);

    // Someone with the table but not the cookie copies the sealed data into a session of their own.
    const own = await store.create({}, inAnHour());
    await dataSource.query(
      `UPDATE console.sessions SET data = (SELECT data FROM console.sessions WHERE id_hash = encode(sha256($1::bytea), 'hex')) WHERE id_hash = encode(sha256($2::bytea), 'hex')`,
      [session.id, own.id],
    );
    expect(await store.find(own.id)).toBeNull();
    await store.destroy(session.id);
    await store.destroy(own.id);
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

  describe('renewing the access token before it expires', () => {
    type Req = Parameters<ReturnType<typeof sessionMiddleware>>[0];
    type Res = Parameters<ReturnType<typeof sessionMiddleware>>[1];
    const config = { SESSION_IDLE_TIMEOUT_MIN: 15, SESSION_MAX_AGE_MIN: 480 } as ConsoleConfig;
    const user = { sub: 'SE2321000131-E000000000011', name: 'Dr A', region: 'VGR', roles: ['clinician' as const] };
    const run = async (id: string, refresh: TokenRefresher): Promise<Req> => {
      const req = { headers: { cookie: `${SESSION_COOKIE}=${id}` }, get: () => undefined } as unknown as Req;
      const res = { cookie: () => res, clearCookie: () => res } as unknown as Res;
      await new Promise<void>((resolve, reject) => sessionMiddleware(store, config, refresh)(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      return req;
    };
    const signedIn = (secondsLeft: number) =>
      store.create({ user, signedInAt: Date.now(), tokens: { accessToken: 'old-access', idToken: 'id', refreshToken: 'refresh-1', expiresAt: Date.now() + secondsLeft * 1000 } }, inAnHour());

    it('renews once for requests that arrive together, keeps the new tokens, and leaves a token far from expiry alone', async () => {
      const session = await signedIn(30);
      const calls: string[] = [];
      const refresh: TokenRefresher = async (refreshToken, sub) => {
        calls.push(`${refreshToken} ${sub}`);
        return { accessToken: 'new-access', refreshToken: 'refresh-2', expiresAt: Date.now() + 3_600_000 };
      };
      const [a, b] = await Promise.all([run(session.id, refresh), run(session.id, refresh)]);
      expect(calls).toEqual([`refresh-1 ${user.sub}`]);
      expect([a.session?.data.tokens?.accessToken, b.session?.data.tokens?.accessToken]).toEqual(['new-access', 'new-access']);
      expect((await store.find(session.id))?.data.tokens).toMatchObject({ accessToken: 'new-access', idToken: 'id', refreshToken: 'refresh-2' });
      await run(session.id, refresh);
      expect(calls).toHaveLength(1);
    });

    it('goes on with a token still valid when the provider will not renew it, and ends the session once it has expired', async () => {
      const refuse: TokenRefresher = async () => {
        throw new Error('invalid_grant');
      };
      const stillValid = await signedIn(30);
      expect((await run(stillValid.id, refuse)).session?.data.tokens?.accessToken).toBe('old-access');
      const expired = await signedIn(-1);
      const req = await run(expired.id, refuse);
      expect(req.session).toBeUndefined();
      expect(req.sessionEnded).toBe(true);
      expect(await store.find(expired.id)).toBeNull();
    });
  });
});
