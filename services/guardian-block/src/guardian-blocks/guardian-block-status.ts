import { GuardianBlockStatus } from '@accessdesk/contracts';

/**
 * A guardian block's life (R18–R20), the one place that says which move is allowed. A completion
 * that arrives late or twice finds the move not listed and changes nothing.
 *
 * UNBLOCKING goes back to BLOCKED when the unblock lifted only one of two blocked guardians, or
 * failed in the staff tool: the block is then still in effect for someone (R19).
 *
 * R8: CLOSED is the end of the contact centre's handling: every follow-up task done, the block in
 * effect (from BLOCKED), lifted (from UNBLOCKED) or never needed (R20), and the free text reduced.
 * A block in effect lasts until it is lifted (002), so CLOSED still takes an unblock (UNBLOCKING),
 * which is a new decision with new tasks, and ends CLOSED again.
 */
const TRANSITIONS: Record<GuardianBlockStatus, readonly GuardianBlockStatus[]> = {
  // R20: a protected child 0–12 needs no block; the case is registered as already in effect.
  RECEIVED: ['EXECUTING', 'ALREADY_IN_EFFECT'],
  EXECUTING: ['BLOCKED', 'NOT_APPLICABLE', 'FAILED'],
  BLOCKED: ['UNBLOCKING', 'CLOSED'],
  UNBLOCKING: ['UNBLOCKED', 'BLOCKED'],
  NOT_APPLICABLE: [],
  // After a failure the contact centre's RETRY sends the block again (EXECUTING). FAILED → BLOCKED or
  // NOT_APPLICABLE is for a completion of the failed action arriving late; execution completes an
  // action once, so in practice RETRY is the way on.
  FAILED: ['BLOCKED', 'NOT_APPLICABLE', 'EXECUTING'],
  ALREADY_IN_EFFECT: ['CLOSED'],
  UNBLOCKED: ['CLOSED'],
  CLOSED: ['UNBLOCKING'],
};

export function canMove(from: GuardianBlockStatus, to: GuardianBlockStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Swedish text for the timeline, shown to the contact centre. */
export const STATUS_TEXT: Record<GuardianBlockStatus, string> = {
  RECEIVED: 'Ärendet mottaget och registrerat',
  EXECUTING: 'Blockering av vårdnadshavare verkställs i personalverktyget',
  BLOCKED: 'Vårdnadshavare blockerad från barnets journal och e-tjänster på 1177',
  NOT_APPLICABLE: 'Ej aktuellt: barnet saknar konto på 1177',
  FAILED: 'Blockeringen misslyckades i personalverktyget',
  ALREADY_IN_EFFECT: 'Redan gällande: barnet (0–12 år) har skyddade personuppgifter och vårdnadshavarna saknar redan åtkomst',
  UNBLOCKING: 'Borttagande av blockering verkställs i personalverktyget',
  UNBLOCKED: 'Blockeringen av vårdnadshavare är borttagen',
  CLOSED: 'Ärendet avslutat: alla uppföljande uppgifter är klara och ärendets fritext är gallrad',
};
