import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { STAFF_ROLES, StaffRole } from './vocabulary';

/**
 * Who asked for what a message carries: the verified caller at the gateway, passed along unchanged
 * so that every service can check authority again on the command it executes. Services acting on
 * their own (a relay, a scheduler) use `SYSTEM_ACTOR` with their service name as `sub`.
 */
export class Actor {
  /** HSA-id of the person, or `system:<service>`. */
  @IsString() @Length(1, 100) sub!: string;
  @IsString() @Length(1, 200) name!: string;
  /** Region code (R24), e.g. `VGR`. */
  @IsString() @Length(1, 40) region!: string;
  @IsArray() @IsIn(STAFF_ROLES, { each: true }) roles!: StaffRole[];
  /** HSA-id of the care unit, where the person belongs to one. */
  @IsOptional() @IsString() @Length(1, 100) unit?: string;
  /** HSA-id of the care provider. */
  @IsOptional() @IsString() @Length(1, 100) careProvider?: string;
  /** From where the call came (the client address the gateway saw), for the audit trail (R23). */
  @IsOptional() @IsString() @Length(1, 100) origin?: string;
}

export function systemActor(service: string, region: string): Actor {
  return { sub: `system:${service}`, name: service, region, roles: [] };
}

/**
 * The envelope every message travels in, field by field:
 * - `id`: unique per message (UUID); the inbox de-duplicates on it, so a redelivery has no second effect.
 * - `type`: the contract's routing key with its version, e.g. `intake.case.received.v1`.
 * - `occurredAt`: when the fact happened (ISO 8601, UTC), not when it was published.
 * - `correlationId`: the case id; every message about one case carries it.
 * - `causationId`: the id of the message (or HTTP request) that caused this one.
 * - `region`: the region the case belongs to (R24); consumers never act across regions.
 * - `actor`: who caused it (see `Actor`).
 * - `payload`: the contract class's fields, validated by the consumer before anything else.
 */
export class EnvelopeHeader {
  @IsUUID() id!: string;
  @IsString() @Length(3, 200) type!: string;
  @IsISO8601({ strict: true }) occurredAt!: string;
  @IsString() @Length(1, 100) correlationId!: string;
  @IsString() @Length(1, 100) causationId!: string;
  @IsString() @Length(1, 40) region!: string;
  @IsObject() @ValidateNested() @Type(() => Actor) actor!: Actor;
}

export interface Envelope<P = unknown> extends EnvelopeHeader {
  payload: P;
}

/** A message contract: a class with class-validator decorators and its routing key. */
export interface MessageContract<P extends object = object> {
  new (...args: never[]): P;
  readonly type: string;
}
