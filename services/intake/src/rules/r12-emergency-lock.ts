// R12 Emergency lock (000 §2, §6 "Vid ärende till nödtelefon"): the service desk records who phoned
// (HSA-id and name as stated) and how it verified the caller: a call back to a number it took from
// the staff directory, never one the caller gave. The staff directory then answers for the caller
// and the named decision maker (R1) before the staff tool is called; when it cannot answer, the desk
// may execute on its own documented judgement.
import { CaseRequest, EmergencyCallDto, EmergencyCallFinding, PaperworkState, Problem, problem } from '@accessdesk/contracts';

/** How far the desk's clock may be ahead of ours when it says when it called back. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The emergency call is required on an EMERGENCY_PHONE case and refused on any other. */
export function emergencyCallProblem(request: Pick<CaseRequest, 'channel' | 'emergencyCall'>, now: Date = new Date()): Problem | null {
  const call = request.emergencyCall ?? null;
  if (request.channel !== 'EMERGENCY_PHONE') {
    return call
      ? problem('emergency-call-not-applicable', 422, 'Only an emergency lock records an emergency call (R12)', 'emergencyCall belongs to channel EMERGENCY_PHONE; leave it out of a form.')
      : null;
  }
  if (!call) {
    return problem(
      'emergency-call-missing',
      422,
      'Record who phoned and how the caller was verified (R12)',
      'An emergency lock needs emergencyCall: the caller (HSA-id and name as stated) and the call back (the number taken from the staff directory, not one the caller gave, and when it was called).',
    );
  }
  if (Date.parse(call.callBack.calledAt) > now.getTime() + CLOCK_SKEW_MS) {
    return problem('call-back-in-the-future', 422, 'The call back cannot lie in the future (R12)', 'emergencyCall.callBack.calledAt is when the desk called the caller back.');
  }
  return null;
}

/** R12: the timeline's record of the call: who phoned, as stated, and the number the desk called back. */
export function emergencyCallNote(call: EmergencyCallDto): string {
  const at = call.callBack.calledAt.slice(0, 16).replace('T', ' ');
  return `nödsamtal från ${call.caller.name} (${call.caller.hsaId}), återuppringd på ${call.callBack.number} ${at}; uppringaren och beslutsfattaren slås upp i personalkatalogen före verkställande (R12, R1)`;
}

/** R12: why an emergency lock is not executed on, in Swedish for the service desk. */
export const EMERGENCY_FINDING_TEXT: Record<EmergencyCallFinding, string> = {
  DECIDER_UNKNOWN: 'beslutsfattaren finns inte i personalkatalogen (R1)',
  DECIDER_WITHOUT_AUTHORITY: 'beslutsfattaren har inte behörighet att besluta enligt personalkatalogen: legitimerad personal med behandlingsansvar, verksamhetschef eller medicinskt ansvarig läkare (R1)',
  CALLER_UNKNOWN: 'den som ringde finns inte i personalkatalogen',
  CALLER_WITHOUT_PHONE_NUMBER: 'personalkatalogen har inget arbetsnummer för den som ringde, så återuppringningen kan inte styrkas',
  CALL_BACK_NOT_DIRECTORY_NUMBER: 'numret som ringdes upp är inte personalkatalogens nummer för den som ringde',
};

/** R12: a form is still owed (and chased) while none has passed the checks on receipt. */
export function paperworkOwed(state: PaperworkState): boolean {
  return state === 'PENDING' || state === 'CHECKING' || state === 'MANUAL_VERIFICATION' || state === 'RETURNED_FOR_COMPLETION';
}

/** R12: the desk may record a form while none is being checked: the first, or a corrected one after a return. */
export function paperworkAccepted(state: PaperworkState): boolean {
  return state === 'PENDING' || state === 'RETURNED_FOR_COMPLETION';
}
