// R12 Emergency lock (000 §2): a lock phoned in to the service desk (KSD nödtelefon) is executed at
// once and its form follows afterwards. Missing paperwork is chased: a reminder after the region's
// `paperworkReminderAfter`, an escalation after its `paperworkEscalationAfter`, both counted from when
// the lock was recorded as awaiting its form (R24). The form's arrival ends the chase.
import { OverdueStage } from '@accessdesk/contracts';
import { IsoDuration, addIsoDuration } from '@accessdesk/platform';

/**
 * Where the chase of one emergency lock's form stands. RECEIVED and WAIVED are final: RECEIVED, the
 * form arrived, possibly before the news that it was awaited (events of one case can arrive out of
 * order); WAIVED, the lock ended unexecuted, so no form is owed.
 */
export const PAPERWORK_CHASE_STATUSES = ['PENDING', 'REMINDED', 'ESCALATED', 'RECEIVED', 'WAIVED'] as const;
export type PaperworkChaseStatus = (typeof PAPERWORK_CHASE_STATUSES)[number];

export interface PaperworkDueDates {
  reminderDueAt: Date;
  escalationDueAt: Date;
}

/**
 * Both due dates from when the paperwork became pending. An escalation period no longer than the
 * reminder period still escalates only after the reminder (the steps below come in order).
 */
export function paperworkDueDates(pendingSince: Date, reminderAfter: IsoDuration, escalationAfter: IsoDuration): PaperworkDueDates {
  return { reminderDueAt: addIsoDuration(pendingSince, reminderAfter), escalationDueAt: addIsoDuration(pendingSince, escalationAfter) };
}

export interface PaperworkStep {
  stage: OverdueStage;
  status: PaperworkChaseStatus;
}

/** PENDING is reminded, REMINDED is escalated; an escalated, received or waived chase sends nothing more. */
export function nextPaperworkStep(status: PaperworkChaseStatus): PaperworkStep | null {
  switch (status) {
    case 'PENDING':
      return { stage: 'REMINDER', status: 'REMINDED' };
    case 'REMINDED':
      return { stage: 'ESCALATION', status: 'ESCALATED' };
    case 'ESCALATED':
    case 'RECEIVED':
    case 'WAIVED':
      return null;
  }
}

/** The statuses the chase worker looks at, in the order their steps come. */
export const PAPERWORK_STATUSES_WITH_A_NEXT_STEP: readonly PaperworkChaseStatus[] = ['PENDING', 'REMINDED'];
