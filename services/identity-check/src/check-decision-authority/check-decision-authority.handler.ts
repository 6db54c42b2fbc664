import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CheckDecisionAuthorityV1, DecisionAuthority, Envelope, Problem, RpcReply, STAFF_ROLES, problem } from '@accessdesk/contracts';
import { ForRoles, Message, MessageHandlers } from '@accessdesk/platform';
import { ROLE_NOT_ALLOWED } from '../look-up-resident/look-up-resident.handler';
import { RegisterUnavailableError } from '../registers/register-request';
import { DirectoryPerson } from '../rules/r4-checks-on-receipt';
import { StaffDirectoryClient } from '../registers/staff-directory.client';
import { decisionAuthority } from '../rules/r1-decision-authority';

export const STAFF_DIRECTORY_UNAVAILABLE: Problem = problem(
  'staff-directory-unavailable',
  503,
  'The staff directory does not answer',
  'Try again in a moment.',
);

/**
 * Request/reply `identity-check.check-decision-authority.v1` (guardian-block asks, R1, 002): the
 * decision maker as the staff directory knows them, judged by the same R1 rule as every received
 * case. A directory that does not answer is a 503 problem at once, so the caller can tell its own
 * caller that nothing was registered.
 */
@MessageHandlers()
export class CheckDecisionAuthorityHandler {
  private readonly logger = new Logger(CheckDecisionAuthorityHandler.name);

  constructor(private readonly staffDirectory: StaffDirectoryClient) {}

  /** The same callers as for a resident look-up: staff, on a request they file. */
  @MessagePattern(CheckDecisionAuthorityV1.type, { contract: CheckDecisionAuthorityV1, queue: 'rpc' })
  @ForRoles(STAFF_ROLES, { refusedAs: ROLE_NOT_ALLOWED })
  async answer(@Message() envelope: Envelope<CheckDecisionAuthorityV1>): Promise<RpcReply<DecisionAuthority>> {
    const { caseType, hsaId } = envelope.payload;
    let person: DirectoryPerson | null;
    try {
      person = await this.staffDirectory.person(hsaId);
    } catch (err) {
      if (!(err instanceof RegisterUnavailableError)) throw err;
      this.logger.warn(`decision authority ${envelope.id} for ${envelope.actor.sub}: ${err.message}`);
      return { ok: false, problem: STAFF_DIRECTORY_UNAVAILABLE };
    }
    const answer = decisionAuthority(caseType, person);
    this.logger.log(`decision authority ${envelope.id}: ${hsaId} for ${caseType}: ${answer.known ? (answer.mayDecide ? 'may decide' : 'may not decide') : 'not in the directory'}`);
    return { ok: true, body: answer };
  }
}
