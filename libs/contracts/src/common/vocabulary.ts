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

/**
 * R11: what an unlock (or unseal) cites — why the restriction is no longer needed — never a lock
 * reason (000 §9, 003 "Om behovet upphör…", 004). One vocabulary per direction, so that an unlock
 * that cites THREAT reads as what it is: a form filled in the wrong way round.
 */
export const UNLOCK_REASONS = [
  /** 000 §9.3, 003: the need for the lock no longer exists (behovet har upphört). */
  'NEED_NO_LONGER_EXISTS',
  /** 000 §2: the threat, the risk of harm or of honour-related violence is gone (hotbilden har upphört). */
  'THREAT_NO_LONGER_EXISTS',
  /** 000 §2: the resident is no longer at risk of serious psychological harm from the e-services. */
  'HARM_NO_LONGER_EXPECTED',
  /** 000 §2, 003: the resident can take part in and handle digital information again. */
  'CAN_HANDLE_DIGITAL_INFORMATION_AGAIN',
  /** 003: the resident now has an e-ID and the means to use digital services. */
  'HAS_E_ID_AND_MEANS_NOW',
  /** 003: the resident, or a legal representative, wants digital contact again and the care unit agrees. */
  'RESIDENT_WISHES_DIGITAL_CONTACT',
  /** 004: a journal seal is no longer needed to protect patient, staff or a third person. */
  'SEAL_NO_LONGER_NEEDED',
] as const;
export type UnlockReason = (typeof UNLOCK_REASONS)[number];

/** What `decision.reasons` may hold: lock reasons (R2) for a lock or seal, unlock reasons (R11) for an unlock or unseal. */
export const DECISION_REASONS = [...REASONS, ...UNLOCK_REASONS] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

/** R1: the roles a decision maker may hold. */
export const DECISION_ROLES = ['CLINICIAN', 'UNIT_HEAD', 'MEDICAL_LEAD'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

/** The roles carried in a caller's token (DESIGN.md "Authentication"). */
export const STAFF_ROLES = ['clinician', 'unit_head', 'medical_lead', 'service_desk', 'contact_centre', 'auditor', 'operator'] as const;
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
  'REFUSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * What the staff tool reported for one action (R7, R16). UNKNOWN (appended, issue 9): the tool never
 * answered the action and its account state could not be read either, so the action may or may not
 * have taken effect; an operator must look in the staff tool. Intake keeps such a case FAILED with an
 * UNKNOWN_EXECUTION work item; a concluded case (`intake.case.concluded.v1`) is never UNKNOWN.
 */
export const EXECUTION_OUTCOMES = ['EXECUTED', 'NOT_APPLICABLE', 'FAILED', 'UNKNOWN'] as const;
export type ExecutionOutcome = (typeof EXECUTION_OUTCOMES)[number];

/** The staff-tool adapter's actions, one per case type. */
export const STAFF_TOOL_ACTIONS = CASE_TYPES;
export type StaffToolAction = CaseType;

/**
 * R12: the form that follows an emergency lock. PENDING: owed; CHECKING: recorded, the checks on
 * receipt (R1, R4) run; MANUAL_VERIFICATION: the desk phones its signer (R4, 000 §6.9);
 * RETURNED_FOR_COMPLETION: it failed the checks, a corrected form is owed and still chased;
 * RECEIVED: a form that passed the checks (the chase ends).
 */
export const PAPERWORK_STATES = ['NOT_REQUIRED', 'PENDING', 'RECEIVED', 'CHECKING', 'MANUAL_VERIFICATION', 'RETURNED_FOR_COMPLETION'] as const;
export type PaperworkState = (typeof PAPERWORK_STATES)[number];

/** R12: who sends the form that follows an emergency lock: staff, or the resident who asked for it (000 §2). */
export const PAPERWORK_SENDERS = ['STAFF', 'RESIDENT'] as const;
export type PaperworkSender = (typeof PAPERWORK_SENDERS)[number];

/** The desks whose inbox a work item lands in (DESIGN.md "work items"). */
export const WORK_QUEUES = ['SERVICE_DESK', 'CONTACT_CENTRE'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/**
 * What a work item asks of the desk: execute by hand in the staff tool (manual adapter mode, R7),
 * verify a signer by phone (R4), chase the form of an emergency lock (R12), or deal with an action
 * that failed in the staff tool (R7: a failure never silently disappears).
 */
/** EMERGENCY_CALL: an emergency lock not executed on, because the staff directory did not bear out the call (R12). */
/** UNKNOWN_EXECUTION: the staff tool's answer was lost and its state unreadable; the desk records what the tool shows (issue 9). */
export const WORK_ITEM_KINDS = ['MANUAL_EXECUTION', 'MANUAL_VERIFICATION', 'PAPERWORK', 'FAILED_EXECUTION', 'EMERGENCY_CALL', 'UNKNOWN_EXECUTION'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export const WORK_ITEM_STATUSES = ['OPEN', 'DONE'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

/** What the operator saw in the staff tool when executing by hand (manual adapter mode). */
export const MANUAL_RESULTS = ['DONE', 'ALREADY_IN_STATE', 'NO_ACCOUNT', 'FAILED'] as const;
export type ManualResult = (typeof MANUAL_RESULTS)[number];

/** R9: the outcome of a three-month review. */
export const REVIEW_OUTCOMES = ['KEEP_LOCKED', 'UNLOCK'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** R9: a review's life. LIFTED: the lock was unlocked by a case filed outside the review (R10, R11); nothing is left to review. */
export const REVIEW_STATUSES = ['SCHEDULED', 'REMINDED', 'ESCALATED', 'DECIDED', 'LIFTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** R9, R12: a due date passed: first a reminder, after a further period an escalation. */
export const OVERDUE_STAGES = ['REMINDER', 'ESCALATION'] as const;
export type OverdueStage = (typeof OVERDUE_STAGES)[number];

/** R18–R20: a guardian-block case's life. ALREADY_IN_EFFECT: a protected child 0–12, nothing executed (R20). */
export const GUARDIAN_BLOCK_STATUSES = [
  'RECEIVED',
  'EXECUTING',
  'BLOCKED',
  'NOT_APPLICABLE',
  'FAILED',
  'ALREADY_IN_EFFECT',
  'UNBLOCKING',
  'UNBLOCKED',
  // R8: every follow-up task done; the block, if any, stays in effect until lifted (R19).
  'CLOSED',
] as const;
export type GuardianBlockStatus = (typeof GUARDIAN_BLOCK_STATUSES)[number];

export const TASK_STATUSES = ['OPEN', 'DONE'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Which kind of identity number a resident has (a samordningsnummer cannot log in to 1177, R16). */
export type IdentityNumberKindName = 'PERSONNUMMER' | 'SAMORDNINGSNUMMER';
