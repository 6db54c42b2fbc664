import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Envelope, LookUpResidentV1, Problem, ResidentLookup, RpcReply, STAFF_ROLES, problem } from '@accessdesk/contracts';
import { ForRoles, Message, MessageHandlers } from '@accessdesk/platform';
import { PopulationRecord, PopulationRegisterClient } from '../registers/population-register.client';
import { RegisterUnavailableError } from '../registers/register-request';

export const ROLE_NOT_ALLOWED: Problem = problem(
  'role-not-allowed',
  403,
  'Not allowed for your role',
  'Looking a resident up in the population register needs a staff role.',
);
export const REGISTER_UNAVAILABLE: Problem = problem(
  'register-unavailable',
  503,
  'The population register does not answer',
  'Try again in a moment.',
);

/** The answer for a register record, or for a resident the register does not know. */
export function residentLookup(record: PopulationRecord | null): ResidentLookup {
  if (!record) return { found: false, givenName: null, surname: null, protectedIdentity: false, deceased: false, guardians: [], homeRegion: null };
  return {
    found: true,
    givenName: record.givenName,
    surname: record.surname,
    protectedIdentity: record.protectedIdentity,
    deceased: record.deceased,
    guardians: [...record.guardians],
    homeRegion: record.homeRegion,
  };
}

/**
 * Request/reply `identity-check.look-up-resident.v1` (guardian-block asks, R18–R20; intake asks for
 * an external party's request, R15): what the
 * population register says about one resident, guardians included. A register that does not answer
 * is a 503 problem at once rather than a redelivery, so the caller can retry on its own terms. Logs
 * name the request id, never the personnummer.
 */
@MessageHandlers()
export class LookUpResidentHandler {
  private readonly logger = new Logger(LookUpResidentHandler.name);

  constructor(private readonly populationRegister: PopulationRegisterClient) {}

  /** Any staff role may ask; a system actor (no roles) or a token without roles may not. */
  @MessagePattern(LookUpResidentV1.type, { contract: LookUpResidentV1, queue: 'rpc' })
  @ForRoles(STAFF_ROLES, { refusedAs: ROLE_NOT_ALLOWED })
  async answer(@Message() envelope: Envelope<LookUpResidentV1>): Promise<RpcReply<ResidentLookup>> {
    let record: PopulationRecord | null;
    try {
      record = await this.populationRegister.lookup(envelope.payload.personnummer);
    } catch (err) {
      if (!(err instanceof RegisterUnavailableError)) throw err;
      this.logger.warn(`resident look-up ${envelope.id} for ${envelope.actor.sub}: ${err.message}`);
      return { ok: false, problem: REGISTER_UNAVAILABLE };
    }
    this.logger.debug(`resident look-up ${envelope.id} for ${envelope.actor.sub}: ${record ? 'found' : 'not found'}`);
    return { ok: true, body: residentLookup(record) };
  }
}
