// R8 Once a case has ended, however it ended, the form's free text about the resident goes
// (blanketten gallras). What stays is what later cases need: the personnummer (earlier cases R5, who
// may unlock R10), and the decision's who, when and why.
import { CaseRequest } from '@accessdesk/contracts';

/** What stands in the place of what a closed case no longer keeps. */
export const REDACTED = '[gallrad]';

/** The request as an ended case keeps it: the resident's name, the motivation and the free text gone. */
export function reducedRequest(request: CaseRequest): CaseRequest {
  return {
    ...request,
    resident: { ...request.resident, name: REDACTED },
    initiator: { ...request.initiator, description: request.initiator.description ? REDACTED : request.initiator.description },
    decision: { ...request.decision, motivation: REDACTED },
    patientInformed: { ...request.patientInformed, reasonIfNot: request.patientInformed.reasonIfNot ? REDACTED : request.patientInformed.reasonIfNot },
  };
}
