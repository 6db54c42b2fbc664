/** The domain's closed vocabularies (DOMAIN.md), shared by the HTTP contract and the messages. */

export const CASE_TYPES = [
  'LOGIN_LOCK',
  'LOGIN_UNLOCK',
  'JOURNAL_SEAL',
  'JOURNAL_UNSEAL',
  'GUARDIAN_BLOCK',
  'GUARDIAN_UNBLOCK',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The case types filed through `POST /cases`; guardian blocks have their own endpoints. */
export const INTAKE_CASE_TYPES = ['LOGIN_LOCK', 'LOGIN_UNLOCK', 'JOURNAL_SEAL', 'JOURNAL_UNSEAL'] as const;
export type IntakeCaseType = (typeof INTAKE_CASE_TYPES)[number];

/** R22: how the request reached the region. */
export const CHANNELS = ['FORM', 'E_FORM', 'EMERGENCY_PHONE'] as const;
export type Channel = (typeof CHANNELS)[number];

/** R14, R15, R13: who raised the need. Never the decision maker unless STAFF. */
export const INITIATOR_KINDS = ['STAFF', 'RELATIVE', 'LEGAL_REPRESENTATIVE', 'EXTERNAL_PARTY', 'RESIDENT'] as const;
export type InitiatorKind = (typeof INITIATOR_KINDS)[number];

/** R2: the grounds a decision may rest on (000 §2, 003). */
export const REASONS = [
  'SERIOUS_PSYCHOLOGICAL_HARM',
  'THREAT',
  'PROTECTED_IDENTITY',
  'HONOUR_RELATED_VIOLENCE',
  'PSYCHIATRIC_CONDITION',
  'CANNOT_HANDLE_DIGITAL_INFORMATION',
  'COGNITIVE_OR_PHYSICAL_INABILITY',
  'NO_E_ID',
  'INFORMATION_MAY_NOT_REACH',
] as const;
export type Reason = (typeof REASONS)[number];

/** R1: the roles a decision maker may hold. */
export const DECISION_ROLES = ['CLINICIAN', 'UNIT_HEAD', 'MEDICAL_LEAD'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

/** The roles carried in a caller's token (DESIGN.md "Authentication"). */
export const STAFF_ROLES = ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A case's life (DOMAIN.md). The order of `CASE_STATUSES` is the order a case moves forward in. */
export const CASE_STATUSES = [
  'RECEIVED',
  'VERIFYING',
  'RETURNED_FOR_COMPLETION',
  'MANUAL_VERIFICATION',
  'READY',
  'EXECUTING',
  'EXECUTED',
  'NOT_APPLICABLE',
  'FAILED',
  'CLOSED',
  'VOIDED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the staff tool reported for one action (R7, R16). */
export const EXECUTION_OUTCOMES = ['EXECUTED', 'NOT_APPLICABLE', 'FAILED'] as const;
export type ExecutionOutcome = (typeof EXECUTION_OUTCOMES)[number];

/** The staff-tool adapter's actions, one per case type. */
export const STAFF_TOOL_ACTIONS = CASE_TYPES;
export type StaffToolAction = CaseType;

export const PAPERWORK_STATES = ['NOT_REQUIRED', 'PENDING', 'RECEIVED'] as const;
export type PaperworkState = (typeof PAPERWORK_STATES)[number];
