import { Injectable, Logger } from '@nestjs/common';
import { CheckDecisionAuthorityV1, DecisionAuthority, Envelope, Problem, RpcReply, problem } from '@accessdesk/contracts';
import { ROLE_NOT_ALLOWED, mayLookUpResident } from '../look-up-resident/look-up-resident.service';
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
@Injectable()
export class CheckDecisionAuthorityService {
  private readonly logger = new Logger(CheckDecisionAuthorityService.name);

  constructor(private readonly staffDirectory: StaffDirectoryClient) {}

  async answer(envelope: Envelope<CheckDecisionAuthorityV1>): Promise<RpcReply<DecisionAuthority>> {
    // The same callers as for a resident look-up: staff, on a request they file.
    if (!mayLookUpResident(envelope.actor)) return { ok: false, problem: ROLE_NOT_ALLOWED };
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
