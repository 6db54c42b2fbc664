import { CaseStatus } from '@accessdesk/contracts';

/**
 * A case's life (DOMAIN.md), the one place that says which move is allowed. Events of one case can
 * arrive out of order: a move that is not listed here is ignored, so a state only moves forward.
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  // R12: an emergency lock goes from RECEIVED straight to EXECUTING once the staff directory bears
  // out the call; else back to the desk (RETURNED_FOR_COMPLETION), or, when the directory cannot
  // answer, to the desk's own judgement (MANUAL_VERIFICATION).
  RECEIVED: ['VERIFYING', 'EXECUTING', 'RETURNED_FOR_COMPLETION', 'MANUAL_VERIFICATION', 'VOIDED'],
  VERIFYING: ['READY', 'RETURNED_FOR_COMPLETION', 'MANUAL_VERIFICATION', 'REFUSED', 'VOIDED'],
  RETURNED_FOR_COMPLETION: ['VERIFYING', 'VOIDED'],
  MANUAL_VERIFICATION: ['READY', 'RETURNED_FOR_COMPLETION', 'VOIDED'],
  READY: ['EXECUTING', 'VOIDED'],
  EXECUTING: ['EXECUTED', 'NOT_APPLICABLE', 'FAILED'],
  EXECUTED: ['CLOSED'],
  NOT_APPLICABLE: ['CLOSED'],
  // Issue 9: a FAILED case whose outcome is UNKNOWN (the staff tool's answer lost, its state
  // unreadable) moves on to EXECUTED or NOT_APPLICABLE when an operator records that the tool shows
  // the action in effect (UNKNOWN_EXECUTION work item); nothing else takes these moves.
  FAILED: ['EXECUTING', 'EXECUTED', 'NOT_APPLICABLE', 'CLOSED'],
  CLOSED: [],
  VOIDED: [],
  REFUSED: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(status: CaseStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Swedish text for the timeline, shown to service-desk staff. */
export const STATUS_TEXT: Record<CaseStatus, string> = {
  RECEIVED: 'Ärendet mottaget och registrerat',
  VERIFYING: 'Kontroller vid mottagande pågår',
  RETURNED_FOR_COMPLETION: 'Returnerat för komplettering',
  MANUAL_VERIFICATION: 'Manuell verifiering per telefon krävs',
  READY: 'Kontroller klara, redo för verkställande',
  EXECUTING: 'Verkställs i personalverktyget',
  EXECUTED: 'Verkställt i personalverktyget',
  NOT_APPLICABLE: 'Ej aktuellt: invånaren saknar konto på 1177',
  FAILED: 'Verkställandet misslyckades',
  CLOSED: 'Ärendet avslutat',
  VOIDED: 'Ärendet makulerat',
  REFUSED: 'Ärendet avvisat',
};
