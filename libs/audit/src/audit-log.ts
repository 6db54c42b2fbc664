import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, canonicalJson } from '@accessdesk/contracts';
import { qualifiedTable } from '@accessdesk/persistence';

/** What was done (R23). Reads are recorded before they are answered. */
export const AUDIT_ACTIONS = [
  'CASE_CREATED',
  'CASE_READ',
  'CASE_STATUS_CHANGED',
  'CASE_UPDATED',
  'CASE_PERSONAL_DATA_REDUCED',
  'RESIDENT_STATUS_READ',
  'AUDIT_READ',
  'AUDIT_VERIFIED',
  /** An operator read the dead-letter queues (a list, or one letter's envelope). */
  'DEAD_LETTERS_READ',
  /** An operator sent a dead letter back to its queue; one record per letter, under its case. */
  'DEAD_LETTER_REPLAYED',
  /** An operator threw away the dead letters of a request/reply queue. */
  'DEAD_LETTERS_PURGED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  actor: Actor;
  /** The region the record belongs to: the case's, or the caller's for a search. */
  region: string;
  caseId?: string | null;
  /** Pseudonym of the resident (see `residentRef`), never the personnummer itself. */
  residentRef?: string | null;
  detail?: string | null;
}

export interface AuditRecord {
  seq: number;
  id: string;
  at: string;
  region: string;
  actor: Actor;
  origin: string | null;
  action: AuditAction;
  caseId: string | null;
  residentRef: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);
const VERIFY_BATCH = 1_000;

/**
 * The pseudonym the audit trail uses for a resident: HMAC-SHA-256 with a secret key, so the trail
 * can be searched by resident without holding the personnummer, and the pseudonym cannot be
 * reversed by trying every number.
 */
export function residentRef(personnummer: string, key: string): string {
  return createHmac('sha256', key).update(personnummer).digest('hex').slice(0, 32);
}

/** SHA-256 over the previous hash and the record's canonical form (every field but `hash`). */
export function hashOf(record: Omit<AuditRecord, 'hash'>): string {
  const { prevHash, ...fields } = record;
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

function table(source: DataSource | EntityManager): string {
  return qualifiedTable(source, 'audit_log');
}

/**
 * Appends one record in the caller's transaction, so it commits with the change it records or not
 * at all. A transaction-scoped advisory lock orders the chain; take it last in a transaction.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<AuditRecord> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('audit records are written inside the transaction they record');
  const t = table(manager);
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [t]);
  const [last] = (await manager.query(`SELECT seq, hash FROM ${t} ORDER BY seq DESC LIMIT 1`)) as Array<{ seq: string; hash: string }>;
  const { origin, ...actor } = entry.actor;
  const unsigned: Omit<AuditRecord, 'hash'> = {
    seq: last ? Number(last.seq) + 1 : 1,
    id: randomUUID(),
    at: new Date().toISOString(),
    region: entry.region,
    actor,
    origin: origin ?? null,
    action: entry.action,
    caseId: entry.caseId ?? null,
    residentRef: entry.residentRef ?? null,
    detail: entry.detail ?? null,
    prevHash: last?.hash ?? GENESIS,
  };
  const record: AuditRecord = { ...unsigned, hash: hashOf(unsigned) };
  await manager.query(
    `INSERT INTO ${t} (seq, id, at, region, actor, origin, action, case_id, resident_ref, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [record.seq, record.id, record.at, record.region, JSON.stringify(record.actor), record.origin, record.action, record.caseId, record.residentRef, record.detail, record.prevHash, record.hash],
  );
  return record;
}

interface Row {
  seq: string;
  id: string;
  at: Date;
  region: string;
  actor: Actor;
  origin: string | null;
  action: AuditAction;
  case_id: string | null;
  resident_ref: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

function fromRow(r: Row): AuditRecord {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at.toISOString(),
    region: r.region,
    actor: r.actor,
    origin: r.origin,
    action: r.action,
    caseId: r.case_id,
    residentRef: r.resident_ref,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The records of one case or one resident, oldest first. */
export async function findAudit(
  source: DataSource | EntityManager,
  filter: { caseId: string } | { residentRef: string },
  limit = 1_000,
): Promise<AuditRecord[]> {
  const [column, value] = 'caseId' in filter ? ['case_id', filter.caseId] : ['resident_ref', filter.residentRef];
  const rows: Row[] = await source.query(`SELECT * FROM ${table(source)} WHERE ${column} = $1 ORDER BY seq LIMIT $2`, [value, limit]);
  return rows.map(fromRow);
}

export type ChainVerification =
  | { valid: true; records: number; lastHash: string }
  | { valid: false; records: number; brokenAt: { seq: number; id: string } | null; reason: string };

/**
 * Walks the whole chain in order and recomputes every hash: an edited, removed or inserted record
 * breaks it, and the first record that does not fit is named. With `region`, the answer is for that
 * region's auditor: the chain is one for all regions and is checked whole, but only the region's
 * records are counted, and a broken record of another region is reported without its seq and id.
 */
export async function verifyAuditChain(source: DataSource | EntityManager, region?: string): Promise<ChainVerification> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const rows: Row[] = await source.query(`SELECT * FROM ${table(source)} WHERE seq >= $1 ORDER BY seq LIMIT $2`, [expectedSeq, VERIFY_BATCH]);
    if (rows.length === 0) return { valid: true, records, lastHash: prevHash };
    for (const row of rows) {
      const record = fromRow(row);
      const broken = (reason: string): ChainVerification =>
        region === undefined || record.region === region
          ? { valid: false, records, brokenAt: { seq: record.seq, id: record.id }, reason }
          : { valid: false, records, brokenAt: null, reason: 'a record of another region does not fit' };
      if (record.seq !== expectedSeq) return broken(`record ${expectedSeq} is missing`);
      if (record.prevHash !== prevHash) return broken('does not follow the record before it');
      const { hash, ...unsigned } = record;
      if (hashOf(unsigned) !== hash) return broken('its content does not match its hash');
      prevHash = hash;
      expectedSeq += 1;
      if (region === undefined || record.region === region) records += 1;
    }
  }
}
