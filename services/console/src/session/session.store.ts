import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Session, SessionData } from './session';

const hash = (id: string): string => createHash('sha256').update(id).digest('hex');

/** What a row holds: the session's data, sealed with a key only the cookie's value gives. */
interface SealedData {
  v: 1;
  iv: string;
  data: string;
  tag: string;
}

/** AES-256-GCM with a key derived from the cookie's value (HKDF-SHA-256); the row is found by another function of it (SHA-256). */
function keyOf(id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', id, 'accessdesk-console', 'session data', 32));
}

export function sealSessionData(id: string, data: SessionData): SealedData {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(id), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), data: sealed.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The session's data, or null when the row was not sealed with this id's key (or was changed). */
export function openSessionData(id: string, sealed: SealedData): SessionData | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(id), Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')) as SessionData;
  } catch {
    return null;
  }
}

/**
 * Server-side sessions in PostgreSQL (schema `console`), so a restart of the console keeps people
 * signed in and several instances share them. Rows are found by the SHA-256 of the cookie's value,
 * and what they hold (the person's access and ID tokens among it) is sealed with AES-256-GCM under a
 * key derived from that value: a copy of the table holds neither a usable cookie nor a readable
 * token, and no key needs to be kept for it.
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
      [hash(id), JSON.stringify(sealSessionData(id, full)), expiresAt],
    )) as Array<{ created_at: Date; last_seen_at: Date }>;
    return { id, data: full, createdAt: row!.created_at, lastSeenAt: row!.last_seen_at };
  }

  async find(id: string): Promise<Session | null> {
    const rows = (await this.db.query(
      `SELECT data, created_at, last_seen_at FROM console.sessions WHERE id_hash = $1 AND expires_at > now()`,
      [hash(id)],
    )) as Array<{ data: SealedData; created_at: Date; last_seen_at: Date }>;
    const row = rows[0];
    const data = row ? openSessionData(id, row.data) : null;
    return row && data ? { id, data, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : null;
  }

  /** Replaces what the session holds (new tokens after a refresh). */
  async update(id: string, data: SessionData): Promise<void> {
    await this.db.query(`UPDATE console.sessions SET data = $2 WHERE id_hash = $1`, [hash(id), JSON.stringify(sealSessionData(id, data))]);
  }

  /** Records activity (the idle timeout counts from it). */
  async touch(id: string): Promise<void> {
    await this.db.query(`UPDATE console.sessions SET last_seen_at = now() WHERE id_hash = $1`, [hash(id)]);
  }

  async destroy(id: string): Promise<void> {
    await this.db.query(`DELETE FROM console.sessions WHERE id_hash = $1`, [hash(id)]);
  }

  /** Removes what has expired; run at each sign-in, so the table never grows without bound. */
  async removeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM console.sessions WHERE expires_at <= now()`);
  }
}
