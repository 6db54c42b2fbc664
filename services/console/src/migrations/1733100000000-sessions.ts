import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1733100000000 implements MigrationInterface {
  name = 'Sessions1733100000000';

  async up(q: QueryRunner): Promise<void> {
    // The row is found by the SHA-256 of the cookie's value, so a leaked table holds no usable cookie.
    // `data` holds the tokens: they never leave the server.
    await q.query(`
      CREATE TABLE console.sessions (
        id_hash       text PRIMARY KEY,
        data          jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_seen_at  timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expires_at ON console.sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE console.sessions`);
  }
}
