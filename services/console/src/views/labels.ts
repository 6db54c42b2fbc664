import type { GuardianBlockStatus } from '@accessdesk/contracts';
import type { AuditAction } from '@accessdesk/audit';
import type { CaseStatus, CaseType, Channel, DecisionRole, ExecutionOutcome, InitiatorKind, PaperworkState, Reason, StaffRole } from '@accessdesk/contracts';
import type { ManualResult, WorkItemKind } from '@accessdesk/contracts';

// The Swedish words staff see for the API's vocabularies (DOMAIN.md's glossary).

export const ROLE_LABELS: Record<StaffRole, string> = {
  clinician: 'Legitimerad vårdpersonal',
  unit_head: 'Verksamhetschef',
  medical_lead: 'Medicinskt ansvarig läkare',
  service_desk: 'Servicedesk',
  contact_centre: 'Kontaktcenter',
  auditor: 'Granskare',
  operator: 'Drift',
};

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  LOGIN_LOCK: 'Låsning av inloggning',
  LOGIN_UNLOCK: 'Upplåsning av inloggning',
  JOURNAL_SEAL: 'Försegling av journal',
  JOURNAL_UNSEAL: 'Upphävd försegling av journal',
  GUARDIAN_BLOCK: 'Blockering av vårdnadshavare',
  GUARDIAN_UNBLOCK: 'Upphävd blockering av vårdnadshavare',
};

export const STATUS_LABELS: Record<CaseStatus, string> = {
  RECEIVED: 'Mottaget',
  VERIFYING: 'Kontrolleras',
  RETURNED_FOR_COMPLETION: 'Returnerat för komplettering',
  MANUAL_VERIFICATION: 'Verifieras per telefon',
  READY: 'Klart att utföra',
  EXECUTING: 'Utförs',
  EXECUTED: 'Utfört',
  NOT_APPLICABLE: 'Ej tillämpligt',
  FAILED: 'Misslyckat',
  CLOSED: 'Avslutat',
  VOIDED: 'Makulerat',
  REFUSED: 'Avvisat',
};

/** What the case waits for, by status: the "what is pending" of the case page. */
export const PENDING_BY_STATUS: Record<CaseStatus, string> = {
  RECEIVED: 'Ärendet är mottaget och väntar på kontroll.',
  VERIFYING: 'Personnummer, namn och underskrift kontrolleras mot folkbokföringen och HSA-katalogen (R4).',
  RETURNED_FOR_COMPLETION: 'Ärendet har returnerats för komplettering: komplettera det som efterfrågas i tidslinjen.',
  MANUAL_VERIFICATION: 'Servicedesken verifierar undertecknaren per telefon (R4).',
  READY: 'Ärendet är kontrollerat och väntar på att utföras i personalverktyget.',
  EXECUTING: 'Åtgärden utförs i personalverktyget (R7).',
  EXECUTED: 'Åtgärden är utförd. Verksamhetschefen får återkoppling per e-post (R8).',
  NOT_APPLICABLE: 'Invånaren har inget eget konto i 1177, så det finns inget att låsa (R16).',
  FAILED: 'Åtgärden kunde inte utföras. Servicedesken följer upp ärendet.',
  CLOSED: 'Inget väntar: ärendet är avslutat.',
  VOIDED: 'Inget väntar: ärendet är makulerat.',
  REFUSED: 'Inget väntar: ärendet är avvisat.',
};

/** Statuses after which nothing more happens to the case by itself (the page stops refreshing). */
export const SETTLED_STATUSES: ReadonlySet<CaseStatus> = new Set(['RETURNED_FOR_COMPLETION', 'MANUAL_VERIFICATION', 'FAILED', 'CLOSED', 'VOIDED', 'REFUSED']);

export const OUTCOME_LABELS: Record<ExecutionOutcome, string> = {
  EXECUTED: 'Utförd',
  NOT_APPLICABLE: 'Ej tillämplig',
  FAILED: 'Misslyckad',
  UNKNOWN: 'Okänt utfall',
};

export const PAPERWORK_LABELS: Record<PaperworkState, string> = {
  NOT_REQUIRED: 'Behövs inte',
  PENDING: 'Väntar på blankett',
  RECEIVED: 'Mottagen',
  CHECKING: 'Kontrolleras',
  MANUAL_VERIFICATION: 'Verifieras per telefon',
  RETURNED_FOR_COMPLETION: 'Returnerad för komplettering',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  FORM: 'Pappersblankett',
  E_FORM: 'E-blankett',
  EMERGENCY_PHONE: 'Nödtelefon',
};

export const INITIATOR_LABELS: Record<InitiatorKind, string> = {
  STAFF: 'Vårdpersonal',
  RELATIVE: 'Närstående',
  LEGAL_REPRESENTATIVE: 'Legal ställföreträdare (god man, förvaltare)',
  EXTERNAL_PARTY: 'Extern part (t.ex. polis eller socialtjänst)',
  RESIDENT: 'Invånaren själv',
};

export const DECISION_ROLE_LABELS: Record<DecisionRole, string> = {
  CLINICIAN: 'Legitimerad personal med behandlingsansvar',
  UNIT_HEAD: 'Verksamhetschef',
  MEDICAL_LEAD: 'Medicinskt ansvarig läkare',
};

/** R2: the grounds of a lock, as on the paper form. */
export const LOCK_REASON_LABELS: Record<Reason, string> = {
  SERIOUS_PSYCHOLOGICAL_HARM: 'Risk för allvarlig psykisk skada',
  THREAT: 'Hotbild',
  PROTECTED_IDENTITY: 'Skyddade personuppgifter',
  HONOUR_RELATED_VIOLENCE: 'Hedersrelaterat våld',
  PSYCHIATRIC_CONDITION: 'Psykiatriskt tillstånd',
  CANNOT_HANDLE_DIGITAL_INFORMATION: 'Kan inte hantera digital information',
  COGNITIVE_OR_PHYSICAL_INABILITY: 'Kognitiv eller fysisk oförmåga',
  NO_E_ID: 'Saknar e-legitimation eller möjlighet att använda digitala tjänster',
  INFORMATION_MAY_NOT_REACH: 'Risk att vårdinformation inte når invånaren',
};

/** Europe/Stockholm, as staff read it: 2026-11-20 09:00. */
export function swedishTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(d);
}

/** R18–R20: a guardian block's statuses, as the contact centre reads them. */
export const GUARDIAN_BLOCK_STATUS_LABELS: Record<GuardianBlockStatus, string> = {
  RECEIVED: 'Mottagen',
  EXECUTING: 'Blockeringen utförs',
  BLOCKED: 'Blockerad',
  NOT_APPLICABLE: 'Ej tillämplig',
  FAILED: 'Misslyckad',
  ALREADY_IN_EFFECT: 'Redan i kraft (skyddade personuppgifter)',
  UNBLOCKING: 'Blockeringen hävs',
  UNBLOCKED: 'Blockeringen hävd',
  CLOSED: 'Avslutad',
};

/** What a guardian block waits for, by status. */
export const GUARDIAN_BLOCK_PENDING: Record<GuardianBlockStatus, string> = {
  RECEIVED: 'Blockeringen är mottagen och kontrolleras.',
  EXECUTING: 'Blockeringen utförs i personalverktyget.',
  BLOCKED: 'Vårdnadshavarna är blockerade. Gör uppföljningsuppgifterna nedan; blockeringen gäller tills den tas bort.',
  NOT_APPLICABLE: 'Blockeringen kunde inte tillämpas.',
  FAILED: 'Blockeringen kunde inte utföras. Kontaktcentret följer upp den i sin kö.',
  ALREADY_IN_EFFECT: 'Barnet har skyddade personuppgifter och är 0–12 år: vårdnadshavarna har redan ingen åtkomst, inget behövde utföras (R20).',
  UNBLOCKING: 'Blockeringen hävs i personalverktyget.',
  UNBLOCKED: 'Blockeringen är hävd. Dokumentera borttagandet i journalen.',
  CLOSED: 'Kontaktcentrets handläggning är avslutad. En blockering som är i kraft gäller tills den tas bort.',
};

/** R23: what an audit record says was done. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  CASE_CREATED: 'Ärende registrerat',
  CASE_READ: 'Ärende läst',
  CASES_LISTED: 'Ärendelista visad',
  CASE_STATUS_CHANGED: 'Status ändrad',
  CASE_UPDATED: 'Ärende ändrat',
  CASE_PERSONAL_DATA_REDUCED: 'Personuppgifter gallrade',
  RESIDENT_STATUS_READ: 'Invånarens status läst',
  AUDIT_READ: 'Loggen granskad',
  AUDIT_VERIFIED: 'Loggkedjan kontrollerad',
  DEAD_LETTERS_READ: 'Döda meddelanden lästa',
  DEAD_LETTER_REPLAYED: 'Dött meddelande skickat tillbaka',
  DEAD_LETTERS_PURGED: 'Döda meddelanden borttagna',
};

/** The services that keep an audit trail of their own, each with its own chain. */
export const TRAIL_LABELS: Record<string, string> = {
  intake: 'Loggen för låsning, upplåsning och försegling',
  'guardian-block': 'Loggen för blockering av vårdnadshavare',
};

// Work items: the service desk's inbox (pages/desk-inbox) and the contact centre's queue.

export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  EMERGENCY_CALL: 'Nödspärr som inte verkställts',
  UNKNOWN_EXECUTION: 'Okänt utfall i personalverktyget',
  FAILED_EXECUTION: 'Misslyckat verkställande',
  MANUAL_EXECUTION: 'Verkställ i personalverktyget',
  MANUAL_VERIFICATION: 'Verifiera per telefon',
  PAPERWORK: 'Blankett efter nödspärr',
};

/** What the operator saw in the staff tool, as the form asks it. */
export const MANUAL_RESULT_LABELS: Record<ManualResult, string> = {
  DONE: 'Utfört: verktyget visar att åtgärden är genomförd',
  ALREADY_IN_STATE: 'Redan i det läget: åtgärden var redan genomförd',
  NO_ACCOUNT: 'Invånaren har inget eget konto på 1177',
  FAILED: 'Gick inte att utföra',
};

/** How long ago, as staff say it: "nyss", "5 minuter", "2 timmar", "3 dagar". */
export function ageText(iso: string, now: Date): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return 'nyss';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return minutes === 1 ? '1 minut' : `${minutes} minuter`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 timme' : `${hours} timmar`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 dag' : `${days} dagar`;
}
