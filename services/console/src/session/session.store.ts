import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Session, SessionData } from './session';

const hash = (id: string): string => createHash('sha256').update(id).digest('hex');

/**
 * Server-side sessions in PostgreSQL (schema `console`), so a restart of the console keeps people
 * signed in and several instances share them. Rows are found by the hash of the cookie's value.
 */
@Injectable()
export class SessionStore {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** A new session with a fresh id and CSRF token; `expiresAt` bounds the row's life. */
  async create(data: Omit<SessionData, 'csrfToken'>, expiresAt: Date): Promise<Session> {
    const id = randomBytes(32).toString('base64url');
    const full: SessionData = { ...data, csrfToken: randomBytes(32).toString('base64url') };
    const [row] = (await this.db.query(
      `INSERT INTO console.sessions (id_hash, data, expires_at) VALUES ($1, $2, $3) RETURNING created_at, last_seen_at`,
      [hash(id), JSON.stringify(full), expiresAt],
    )) as Array<{ created_at: Date; last_seen_at: Date }>;
    return { id, data: full, createdAt: row!.created_at, lastSeenAt: row!.last_seen_at };
  }

  async find(id: string): Promise<Session | null> {
    const rows = (await this.db.query(
      `SELECT data, created_at, last_seen_at FROM console.sessions WHERE id_hash = $1 AND expires_at > now()`,
      [hash(id)],
    )) as Array<{ data: SessionData; created_at: Date; last_seen_at: Date }>;
    const row = rows[0];
    return row ? { id, data: row.data, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
  }

  /** Records activity (the idle timeout counts from it). */
  async touch(id: string): Promise<void> {
    await this.db.query(`UPDATE console.sessions SET last_seen_at = now() WHERE id_hash = $1`, [hash(id)]);
  }

  /** Replaces what the session holds (for what a page keeps between requests). */
  async saveData(id: string, data: SessionData): Promise<void> {
    await this.db.query(`UPDATE console.sessions SET data = $2 WHERE id_hash = $1`, [hash(id), JSON.stringify(data)]);
  }

  async destroy(id: string): Promise<void> {
    await this.db.query(`DELETE FROM console.sessions WHERE id_hash = $1`, [hash(id)]);
  }

  /** Removes what has expired; run at each sign-in, so the table never grows without bound. */
  async removeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM console.sessions WHERE expires_at <= now()`);
  }
}
