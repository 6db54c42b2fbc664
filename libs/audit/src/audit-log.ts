import { createHash, createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, canonicalJson } from '@accessdesk/contracts';
import { Statement, qualifiedTable } from '@accessdesk/persistence';

/** What was done (R23). Reads are recorded before they are answered. */
export const AUDIT_ACTIONS = [
  'CASE_CREATED',
  'CASE_READ',
  /** A list of cases was shown (`GET /cases`): one record per page, naming the filter and the cases listed. */
  'CASES_LISTED',
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

/**
 * One record of the trail. `seq`, `prevHash` and `hash` are null for the moment between its commit
 * and its linking into the chain (`linkPendingAudit`); its `contentHash` protects it meanwhile.
 */
export interface AuditRecord {
  seq: number | null;
  id: string;
  at: string;
  region: string;
  actor: Actor;
  origin: string | null;
  action: AuditAction;
  caseId: string | null;
  residentRef: string | null;
  detail: string | null;
  prevHash: string | null;
  hash: string | null;
}

/** A record as the chain holds it: linked, with its place and hashes. */
export type LinkedAuditRecord = AuditRecord & { seq: number; prevHash: string; hash: string };

/** What a record says, without its place in the chain: what its content hash covers. */
type AuditContent = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

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
export function hashOf(record: Omit<LinkedAuditRecord, 'hash'>): string {
  const { prevHash, ...fields } = record;
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** SHA-256 over what the record says (every field but its place in the chain), written with it at commit. */
export function contentHashOf(record: AuditContent): string {
  const { id, at, region, actor, origin, action, caseId, residentRef, detail } = record;
  return createHash('sha256').update(canonicalJson({ id, at, region, actor, origin, action, caseId, residentRef, detail })).digest('hex');
}

function table(source: DataSource | EntityManager): string {
  return qualifiedTable(source, 'audit_log');
}

/** The flag `appendAudit` leaves on a transaction, so that its commit can wake the linker. */
export const AUDIT_APPENDED = 'accessdesk:audit-appended';

/**
 * Writes one record in the caller's transaction, so that it commits with the change it records or
 * not at all, with the hash of its own content. It takes no lock and waits for nobody: the record is
 * linked into the chain shortly after the commit by the service's linker (`linkPendingAudit`), which
 * the commit wakes.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<AuditRecord> {
  const { record, statement } = auditStatement(manager, entry);
  await manager.query(statement.sql, statement.params);
  return record;
}

/**
 * The record `appendAudit` writes, as a statement the caller runs in the same transaction, e.g.
 * together with other writes in one round trip (`runTogether`, libs/persistence).
 */
export function auditStatement(manager: EntityManager, entry: AuditEntry): { record: AuditRecord; statement: Statement } {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('audit records are written inside the transaction they record');
  const { origin, ...actor } = entry.actor;
  const content: AuditContent = {
    id: randomUUID(),
    at: new Date().toISOString(),
    region: entry.region,
    actor,
    origin: origin ?? null,
    action: entry.action,
    caseId: entry.caseId ?? null,
    residentRef: entry.residentRef ?? null,
    detail: entry.detail ?? null,
  };
  const statement: Statement = {
    sql: `INSERT INTO ${table(manager)} (id, at, region, actor, origin, action, case_id, resident_ref, detail, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    params: [content.id, content.at, content.region, JSON.stringify(content.actor), content.origin, content.action, content.caseId, content.residentRef, content.detail, contentHashOf(content)],
  };
  // The commit wakes the linker; a statement not run in the end only wakes it for nothing.
  runner.data = { ...runner.data, [AUDIT_APPENDED]: true };
  return { record: { ...content, seq: null, prevHash: null, hash: null }, statement };
}

/** Records linked per round; a full round means there may be more. */
export const LINK_BATCH = 500;

/**
 * Links the records committed since the last round into the chain, oldest entry first: each gets
 * the next `seq`, the hash of the record before it, and its own hash over both. One linker at a time
 * per chain (an advisory lock), however many instances of the service run; it is the only place that
 * takes that lock, and it holds it for one short transaction. A record whose content no longer
 * matches the hash it was written with is not linked, nor anything after it: verification names it.
 * Returns how many records it linked.
 */
export async function linkPendingAudit(source: DataSource | EntityManager, limit = LINK_BATCH): Promise<number> {
  const link = async (manager: EntityManager): Promise<number> => {
    const t = table(manager);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [t]);
    const pending: Row[] = await manager.query(`SELECT * FROM ${t} WHERE seq IS NULL ORDER BY entry_no LIMIT $1`, [limit]);
    if (pending.length === 0) return 0;
    const [last] = (await manager.query(`SELECT seq, hash FROM ${t} WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`)) as Array<{ seq: string; hash: string }>;
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last?.hash ?? GENESIS;
    const linked: Array<{ id: string; seq: number; prevHash: string; hash: string }> = [];
    for (const row of pending) {
      const { hash: _unlinked, ...record } = fromRow(row);
      if (row.content_hash !== contentHashOf(record)) break;
      seq += 1;
      const hash = hashOf({ ...record, seq, prevHash });
      linked.push({ id: record.id, seq, prevHash, hash });
      prevHash = hash;
    }
    if (linked.length === 0) return 0;
    await manager.query(
      `UPDATE ${t} AS a SET seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
         FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[]) AS l(id, seq, prev_hash, hash)
        WHERE a.id = l.id`,
      [linked.map((l) => l.id), linked.map((l) => l.seq), linked.map((l) => l.prevHash), linked.map((l) => l.hash)],
    );
    return linked.length;
  };
  if (source instanceof DataSource) return source.transaction(link);
  if (!source.queryRunner?.isTransactionActive) return source.transaction(link);
  return link(source);
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
  prev_hash: string | null;
  hash: string | null;
  content_hash: string | null;
}

function fromRow(r: Row): AuditRecord {
  return {
    seq: r.seq === null ? null : Number(r.seq),
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

/**
 * The records of one case or one resident, in the chain's order. What has committed is linked
 * first, so that the answer holds the chain's places; a record committed while this runs comes last,
 * still unlinked.
 */
export async function findAudit(
  source: DataSource | EntityManager,
  filter: { caseId: string } | { residentRef: string },
  limit = 1_000,
): Promise<AuditRecord[]> {
  await linkAllPending(source);
  const [column, value] = 'caseId' in filter ? ['case_id', filter.caseId] : ['resident_ref', filter.residentRef];
  const rows: Row[] = await source.query(`SELECT * FROM ${table(source)} WHERE ${column} = $1 ORDER BY seq NULLS LAST, entry_no LIMIT $2`, [value, limit]);
  return rows.map(fromRow);
}

/** What an auditor may narrow a trail by (R23); every part given must match. */
export interface AuditFilter {
  caseId?: string;
  residentRef?: string;
  /** The `sub` (HSA-id) of the actor. */
  actorSub?: string;
  /** Records at or after this instant. */
  from?: string;
  /** Records before this instant. */
  to?: string;
  region?: string;
}

/**
 * Where a page of a trail ended: the `seq` of its last record, or, once the linked records are
 * exhausted, the id of the last unlinked one (see `searchAudit`).
 */
export type AuditPosition = { afterSeq: number } | { afterUnlinkedId: string } | Record<string, never>;

/** One page of a trail: the records, the position after each, and whether the trail holds more that match. */
export interface AuditPage {
  records: AuditRecord[];
  more: boolean;
}

/**
 * The records that match `filter`, `limit` at a time, in the chain's order: linked records by `seq`
 * (a record committed later is linked later and gets a higher `seq`, so paging by `seq` neither skips
 * nor repeats a record however many are written meanwhile), then the records the linker has not
 * reached (committed a moment ago, or held back because they no longer match their content hash)
 * in the order they were written. What has committed is linked first.
 */
export async function searchAudit(source: DataSource | EntityManager, filter: AuditFilter, position: AuditPosition, limit: number): Promise<AuditPage> {
  await linkAllPending(source);
  const t = table(source);
  const where: string[] = [];
  const base: unknown[] = [];
  const match = (sql: (p: string) => string, value: unknown) => {
    base.push(value);
    where.push(sql(`$${base.length}`));
  };
  if (filter.caseId !== undefined) match((p) => `case_id = ${p}`, filter.caseId);
  if (filter.residentRef !== undefined) match((p) => `resident_ref = ${p}`, filter.residentRef);
  if (filter.actorSub !== undefined) match((p) => `actor->>'sub' = ${p}`, filter.actorSub);
  if (filter.from !== undefined) match((p) => `at >= ${p}::timestamptz`, filter.from);
  if (filter.to !== undefined) match((p) => `at < ${p}::timestamptz`, filter.to);
  if (filter.region !== undefined) match((p) => `region = ${p}`, filter.region);
  const matches = where.length > 0 ? where.join(' AND ') : 'true';
  const n = base.length;
  // Each query: the filter's parameters, then its own position ($n+1, if any) and its size.
  const page = (condition: string, order: string, keys: unknown[], size: number): Promise<Row[]> =>
    source.query(`SELECT * FROM ${t} WHERE ${matches} AND ${condition} ORDER BY ${order} LIMIT $${n + keys.length + 1}`, [...base, ...keys, size]);

  const rows: Row[] = [];
  if (!('afterUnlinkedId' in position)) {
    const linked = await page(`seq > $${n + 1}`, 'seq', ['afterSeq' in position ? position.afterSeq : 0], limit + 1);
    if (linked.length > limit) return { records: linked.slice(0, limit).map(fromRow), more: true };
    rows.push(...linked);
  }
  const unlinked =
    'afterUnlinkedId' in position
      ? await page(`seq IS NULL AND entry_no > (SELECT entry_no FROM ${t} WHERE id = $${n + 1})`, 'entry_no', [position.afterUnlinkedId], limit + 1)
      : await page('seq IS NULL', 'entry_no', [], limit - rows.length + 1);
  rows.push(...unlinked);
  return { records: rows.slice(0, limit).map(fromRow), more: rows.length > limit };
}

/** Where a page that ended with `record` ended. */
export function positionAfter(record: Pick<AuditRecord, 'seq' | 'id'>): AuditPosition {
  return record.seq === null ? { afterUnlinkedId: record.id } : { afterSeq: record.seq };
}

/** Links until nothing committed is left unlinked (or what is left cannot be linked). */
async function linkAllPending(source: DataSource | EntityManager): Promise<void> {
  while ((await linkPendingAudit(source)) === LINK_BATCH);
}

/** Records committed but not yet linked into the chain when it was checked: how many, and the first of them. */
export interface UnlinkedRecords {
  count: number;
  first: Array<{ id: string; at: string }>;
}

export type ChainVerification =
  | { valid: true; records: number; lastHash: string; unlinked: UnlinkedRecords }
  | { valid: false; records: number; brokenAt: { seq: number | null; id: string } | null; reason: string };

/** How many unlinked records a verification names, and how many it checks against their content hash. */
const UNLINKED_NAMED = 20;
const UNLINKED_CHECKED = 10_000;

/**
 * Walks the whole chain in order and recomputes every hash: an edited, removed or inserted record
 * breaks it, and the first record that does not fit is named. With `region`, the answer is for that
 * region's auditor: the chain is one for all regions and is checked whole, but only the region's
 * records are counted, and a broken record of another region is reported without its seq and id.
 */
export async function verifyAuditChain(source: DataSource | EntityManager, region?: string): Promise<ChainVerification> {
  await linkAllPending(source);
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const rows: Row[] = await source.query(`SELECT * FROM ${table(source)} WHERE seq >= $1 ORDER BY seq LIMIT $2`, [expectedSeq, VERIFY_BATCH]);
    if (rows.length === 0) return verifyUnlinked(source, region, records, prevHash);
    for (const row of rows) {
      const record = fromRow(row) as LinkedAuditRecord;
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

/**
 * The records the linker has not reached: committed while the check ran, or held back because their
 * content no longer matches the hash they were written with, which breaks the chain as an edit of a
 * linked record does.
 */
async function verifyUnlinked(source: DataSource | EntityManager, region: string | undefined, records: number, lastHash: string): Promise<ChainVerification> {
  const rows: Row[] = await source.query(`SELECT * FROM ${table(source)} WHERE seq IS NULL ORDER BY entry_no LIMIT $1`, [UNLINKED_CHECKED]);
  for (const row of rows) {
    const record = fromRow(row);
    if (row.content_hash === contentHashOf(record)) continue;
    const reason = 'a record not yet linked into the chain does not match its content hash';
    return region === undefined || record.region === region
      ? { valid: false, records, brokenAt: { seq: null, id: record.id }, reason }
      : { valid: false, records, brokenAt: null, reason: 'a record of another region does not fit' };
  }
  const own = rows.filter((r) => region === undefined || r.region === region);
  const [{ n }] = (await source.query(`SELECT count(*)::int AS n FROM ${table(source)} WHERE seq IS NULL AND ($1::text IS NULL OR region = $1)`, [region ?? null])) as Array<{ n: number }>;
  return { valid: true, records, lastHash, unlinked: { count: n, first: own.slice(0, UNLINKED_NAMED).map((r) => ({ id: r.id, at: r.at.toISOString() })) } };
}
