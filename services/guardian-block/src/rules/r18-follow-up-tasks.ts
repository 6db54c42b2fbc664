/**
 * R18 (002) "Du kan behöva vidta fler åtgärder": the block covers only 1177, so the contact centre
 * also sees to it that other systems stop writing to the guardian, and that the decision is
 * documented in the EHR. Each is a task tracked until done. Swedish titles: read by the contact centre.
 */
export interface FollowUpTask {
  kind: string;
  title: string;
}

export const BLOCK_FOLLOW_UP_TASKS: readonly FollowUpTask[] = [
  { kind: 'EHR_SMS_REMINDERS', title: 'Ta bort vårdnadshavarens mobilnummer för sms-påminnelser i Cosmic Reminders' },
  { kind: 'DENTAL_SMS_REMINDERS', title: 'Kontakta Folktandvården så att utskick och sms-påminnelser till vårdnadshavaren tas bort' },
  { kind: 'EHR_NOTE', title: 'Dokumentera beslutet i Cosmic: mallen Administrativ anteckning, sökord Åtgärd (utkast finns i ärendet)' },
];

/** R19: lifting the block is documented in the EHR too. */
export const UNBLOCK_FOLLOW_UP_TASKS: readonly FollowUpTask[] = [
  { kind: 'EHR_NOTE_UNBLOCK', title: 'Dokumentera borttagandet av blockeringen i Cosmic: mallen Administrativ anteckning, sökord Åtgärd (utkast finns i ärendet)' },
];

/** The timeline's step for a task done; its note is free text, reduced with the case (R8). */
export function taskDoneNote(title: string, note: string | null): string {
  return `Uppgift klar: ${title}${note ? ` (${note})` : ''}`;
}
