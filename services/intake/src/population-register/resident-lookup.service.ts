import { Injectable, Logger } from '@nestjs/common';
import { Envelope, LookUpResidentV1, Problem, ResidentLookup, problem } from '@accessdesk/contracts';
import { Messaging, RpcTimeoutError, RpcUnavailableError } from '@accessdesk/messaging';

/** Shorter than the gateway's own wait (5 s), so that the caller gets this answer and its retry hint. */
const LOOKUP_TIMEOUT_MS = 3_000;

export const REGISTER_UNAVAILABLE = problem(
  'population-register-unavailable',
  503,
  'Population register unavailable',
  'The population register could not be asked right now. Try again shortly with the same Idempotency-Key.',
);

export type LookupResult = { ok: true; resident: ResidentLookup } | { ok: false; problem: Problem };

/**
 * R15: the resident as the population register knows them, by way of identity-check (request/reply),
 * asked before the case's transaction opens so that no row is locked while the register answers.
 */
@Injectable()
export class ResidentLookupService {
  private readonly logger = new Logger(ResidentLookupService.name);

  constructor(private readonly messaging: Messaging) {}

  async lookUp(personnummer: string, cause: Envelope): Promise<LookupResult> {
    const meta = { correlationId: cause.correlationId, causationId: cause.id, region: cause.region, actor: cause.actor };
    try {
      const reply = await this.messaging.request<LookUpResidentV1, ResidentLookup>('identity-check', LookUpResidentV1, { personnummer }, meta, LOOKUP_TIMEOUT_MS);
      if (reply.ok && typeof reply.body.found === 'boolean') return { ok: true, resident: reply.body };
      // The request's id names it in the log; the number it asked about never does.
      this.logger.warn(`identity-check refused the look-up of request ${cause.id}${reply.ok ? ': answer of another shape' : `: ${reply.problem.type}`}`);
      return { ok: false, problem: REGISTER_UNAVAILABLE };
    } catch (err) {
      if (!(err instanceof RpcTimeoutError || err instanceof RpcUnavailableError)) throw err;
      this.logger.warn(`identity-check did not answer the look-up of request ${cause.id}: ${err.message}`);
      return { ok: false, problem: REGISTER_UNAVAILABLE };
    }
  }
}
