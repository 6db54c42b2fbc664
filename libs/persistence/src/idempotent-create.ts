import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { RpcReply, canonicalJson, problem } from '@accessdesk/contracts';

/** The answer to a key used before with another request. */
export const IDEMPOTENCY_KEY_REUSED = problem(
  'idempotency-key-reused',
  422,
  'Idempotency-Key already used for another request',
  'This Idempotency-Key was used before with a different request body. Use a new key for a new request.',
);

/** Requests are compared by a hash of their canonical JSON: the same fields in another order are the same request. */
export function requestHashOf(request: object): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** A violation of the unique index `constraint` (two creates with one key: the index lets one win). */
export function isUniqueViolationOf(err: unknown, constraint: string): boolean {
  return err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === constraint;
}

/** What a create keyed by `Idempotency-Key` keeps of its request. */
export interface IdempotentlyCreated {
  requestHash: string;
}

export interface IdempotentCreate<C extends IdempotentlyCreated, T> {
  /** `requestHashOf` the request, as the create stores it. */
  requestHash: string;
  /** The unique index on the caller and the key, which refuses the second of two creates at the same moment. */
  uniqueIndex: string;
  /** What the caller's key created, if anything. */
  findCreated(manager: EntityManager): Promise<C | null>;
  /** The answer to the same request again: what the first one created, as it is now. */
  answerAgain(manager: EntityManager, created: C): Promise<T>;
  /** The checks of a new request and the create; runs only for a key not used before. */
  create(): Promise<RpcReply<T>>;
}

/**
 * `Idempotency-Key` (DESIGN.md): every POST that creates something takes one, and the same key from
 * the same caller answers the same result; with another request it is refused. The key is looked up
 * first; a new key creates. When two requests with one key run at the same moment, the unique index
 * lets one create and the other answers with what the winner created.
 */
export async function createIdempotently<C extends IdempotentlyCreated, T>(dataSource: DataSource, once: IdempotentCreate<C, T>): Promise<RpcReply<T>> {
  const earlier = await answerEarlier(dataSource, once);
  if (earlier) return earlier;
  try {
    return await once.create();
  } catch (err) {
    if (isUniqueViolationOf(err, once.uniqueIndex)) {
      const winner = await answerEarlier(dataSource, once);
      if (winner) return winner;
    }
    throw err;
  }
}

/**
 * A key not used before (the common case) is found absent by one statement, without a transaction
 * around it; a key used before is answered in a transaction of its own, since answering again may
 * record a read (R23).
 */
async function answerEarlier<C extends IdempotentlyCreated, T>(dataSource: DataSource, once: IdempotentCreate<C, T>): Promise<RpcReply<T> | null> {
  if (!(await once.findCreated(dataSource.manager))) return null;
  return dataSource.transaction(async (manager) => {
    const created = await once.findCreated(manager);
    if (!created) return null;
    if (created.requestHash !== once.requestHash) return { ok: false as const, problem: IDEMPOTENCY_KEY_REUSED };
    return { ok: true as const, body: await once.answerAgain(manager, created) };
  });
}
