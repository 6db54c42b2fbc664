import { Injectable, Logger } from '@nestjs/common';
import { Envelope, LookUpResidentV1, Problem, ResidentLookup, problem } from '@accessdesk/contracts';
import { Messaging, RpcTimeoutError, RpcUnavailableError } from '@accessdesk/messaging';

/**
 * Shorter than the gateway's own wait (RPC_TIMEOUT_MS, 5 s), so that the caller gets the asking
 * service's answer, with its retry hint, rather than the gateway's timeout.
 */
const LOOKUP_TIMEOUT_MS = 3_000;

export const POPULATION_REGISTER_UNAVAILABLE = problem(
  'population-register-unavailable',
  503,
  'Population register unavailable',
  'The population register could not be asked right now. Try again shortly with the same Idempotency-Key.',
);

export type ResidentLookupResult = { ok: true; resident: ResidentLookup } | { ok: false; problem: Problem };

/**
 * The resident as the population register knows them (found, protected identity, guardians, home
 * region), asked of identity-check over request/reply before the asker's transaction opens, so that
 * no row is locked while the register answers: intake for an external party's request (R15),
 * guardian-block for a child (R18, R20). A register that cannot be asked is a 503 problem.
 */
@Injectable()
export class ResidentLookupService {
  private readonly logger = new Logger(ResidentLookupService.name);

  constructor(private readonly messaging: Messaging) {}

  async lookUp(personnummer: string, cause: Envelope): Promise<ResidentLookupResult> {
    const meta = { correlationId: cause.correlationId, causationId: cause.id, region: cause.region, actor: cause.actor };
    try {
      const reply = await this.messaging.request<LookUpResidentV1, ResidentLookup>('identity-check', LookUpResidentV1, { personnummer }, meta, LOOKUP_TIMEOUT_MS);
      if (reply.ok && typeof reply.body.found === 'boolean' && Array.isArray(reply.body.guardians)) return { ok: true, resident: reply.body };
      // The request's id names it in the log; the number it asked about never does.
      this.logger.warn(`identity-check refused the look-up of request ${cause.id}${reply.ok ? ': answer of another shape' : `: ${reply.problem.type}`}`);
      return { ok: false, problem: POPULATION_REGISTER_UNAVAILABLE };
    } catch (err) {
      if (!(err instanceof RpcTimeoutError || err instanceof RpcUnavailableError)) throw err;
      this.logger.warn(`identity-check did not answer the look-up of request ${cause.id}: ${err.message}`);
      return { ok: false, problem: POPULATION_REGISTER_UNAVAILABLE };
    }
  }
}
