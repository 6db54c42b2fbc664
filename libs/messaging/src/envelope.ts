import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { Actor, Envelope, EnvelopeHeader, MessageContract } from '@accessdesk/contracts';

export interface EnvelopeMeta {
  correlationId: string;
  causationId: string;
  region: string;
  actor: Actor;
  occurredAt?: Date;
}

export function createEnvelope<P extends object>(contract: MessageContract<P>, payload: P, meta: EnvelopeMeta): Envelope<P> {
  return {
    id: randomUUID(),
    type: contract.type,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    region: meta.region,
    actor: meta.actor,
    payload,
  };
}

/**
 * What caused a message: the envelope being handled, or what a row kept of it (a due reminder keeps
 * its cause's id, case, region and actor, and publishes long after).
 */
export type Cause = Pick<Envelope, 'id' | 'correlationId' | 'region' | 'actor'>;

/** The meta of a message caused by `cause`: same case, same region, same actor unless given. */
export function causedBy(cause: Cause, actor?: Actor): EnvelopeMeta {
  return { correlationId: cause.correlationId, causationId: cause.id, region: cause.region, actor: actor ?? cause.actor };
}

export class InvalidMessageError extends Error {
  override readonly name = 'InvalidMessageError';
}

/** Field paths and constraint names only: a message may carry personal data, its values are never echoed. */
function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [`${path} (${Object.keys(e.constraints).join(', ')})`] : [];
    return [...own, ...describe(e.children ?? [], path)];
  });
}

const OPTIONS = { whitelist: true, forbidUnknownValues: true } as const;

/** Parses and validates the envelope's header; the payload is checked against its contract later. */
export function parseEnvelope(content: Buffer): Envelope<unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(content.toString('utf8'));
  } catch {
    throw new InvalidMessageError('body is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InvalidMessageError('body is not an object');
  const header = plainToInstance(EnvelopeHeader, raw);
  const errors = validateSync(header, OPTIONS);
  if (errors.length > 0) throw new InvalidMessageError(`invalid envelope: ${describe(errors).join('; ')}`);
  const payload = (raw as { payload?: unknown }).payload;
  if (typeof payload !== 'object' || payload === null) throw new InvalidMessageError('envelope has no payload object');
  return { ...header, payload };
}

/**
 * Validates a payload against its contract class. Unknown fields are stripped, not refused, so that
 * a producer may add an optional field without a new version (STYLE.md "Contracts").
 */
export function validatePayload<P extends object>(contract: MessageContract<P>, payload: unknown): P {
  const instance = plainToInstance(contract as unknown as new () => P, payload);
  // forbidUnknownValues would refuse a contract without fields (a request that carries only its
  // envelope); the payload is always an instance of the contract class here.
  const errors = validateSync(instance, { ...OPTIONS, forbidUnknownValues: false });
  if (errors.length > 0) throw new InvalidMessageError(`invalid ${contract.type}: ${describe(errors).join('; ')}`);
  return instance;
}
