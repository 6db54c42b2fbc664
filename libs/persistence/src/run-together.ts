import { EntityManager } from 'typeorm';

/** One SQL statement and its parameters, numbered from `$1`. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs writes whose results nobody reads as one statement, so they cost one round trip:
 * `WITH w1 AS (<first>), w2 AS (<second>) <last>`. PostgreSQL runs every data-modifying part of a
 * WITH to completion, as one statement of the caller's transaction: they commit or roll back with it,
 * and one that fails fails them all. The parts run on one snapshot and cannot read each other's rows,
 * so none may read what another writes; foreign keys are checked at the end of the statement and see
 * every part's rows, so a row and the rows that refer to it may go together. The parts run in no
 * defined order: rows whose serial numbers must follow one another (a timeline) go in one part. Used
 * where a lock is held
 * until commit (the R6 registry counter), so that the rest of the transaction is one round trip, not
 * one per row.
 */
export async function runTogether(manager: EntityManager, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) {
    const [only] = statements as [Statement];
    await manager.query(only.sql, only.params);
    return;
  }
  const params: unknown[] = [];
  const parts = statements.map((statement) => {
    const offset = params.length;
    params.push(...statement.params);
    return statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = parts.pop() as string;
  await manager.query(`WITH ${parts.map((sql, i) => `w${i + 1} AS (${sql})`).join(', ')} ${last}`, params);
}
