import { Injectable, Logger } from '@nestjs/common';
import { CheckDecisionAuthorityV1, DecisionAuthority, Envelope, Problem } from '@accessdesk/contracts';
import { Messaging, RpcTimeoutError, RpcUnavailableError } from '@accessdesk/messaging';
import { DECIDER_NOT_IN_DIRECTORY, DECIDER_NOT_UNIT_HEAD, STAFF_DIRECTORY_UNAVAILABLE } from '../rules/r1-unit-head-decides';

/**
 * Asked before the population register (3 s, ResidentLookupService), and both together must stay
 * within the gateway's own wait (RPC_TIMEOUT_MS, 5 s), so that the caller gets this service's
 * answer with its retry hint rather than the gateway's timeout.
 */
const AUTHORITY_TIMEOUT_MS = 1_500;

/**
 * R1 (002): the decision maker of a guardian block or unblock is a unit head as the staff directory
 * (HSA) lists them, asked of identity-check (request/reply), which judges it by the same R1 rule as
 * every received case. Null when they may decide; otherwise the problem to answer, and nothing is
 * registered.
 */
@Injectable()
export class DecisionAuthorityService {
  private readonly logger = new Logger(DecisionAuthorityService.name);

  constructor(private readonly messaging: Messaging) {}

  async refusal(caseType: 'GUARDIAN_BLOCK' | 'GUARDIAN_UNBLOCK', hsaId: string, cause: Envelope): Promise<Problem | null> {
    const meta = { correlationId: cause.correlationId, causationId: cause.id, region: cause.region, actor: cause.actor };
    let reply;
    try {
      reply = await this.messaging.request<CheckDecisionAuthorityV1, DecisionAuthority>('identity-check', CheckDecisionAuthorityV1, { caseType, hsaId }, meta, AUTHORITY_TIMEOUT_MS);
    } catch (err) {
      if (!(err instanceof RpcTimeoutError || err instanceof RpcUnavailableError)) throw err;
      this.logger.warn(`identity-check did not answer the decision authority of request ${cause.id}: ${err.message}`);
      return STAFF_DIRECTORY_UNAVAILABLE;
    }
    if (!reply.ok) {
      this.logger.warn(`identity-check refused the decision authority of request ${cause.id}: ${reply.problem.type}`);
      return STAFF_DIRECTORY_UNAVAILABLE;
    }
    if (!reply.body.known) return DECIDER_NOT_IN_DIRECTORY;
    return reply.body.mayDecide ? null : DECIDER_NOT_UNIT_HEAD;
  }
}
