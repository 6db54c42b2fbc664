import { RegistryCategory, RegistryReference } from './registry-reference';
import { CaseStatus, CaseType, Channel, ExecutionOutcome, PaperworkSender, PaperworkState, ReviewOutcome } from '../common/vocabulary';

/** One step in a case's life, as shown to people. */
export interface TimelineEntry {
  at: string;
  status: CaseStatus;
  /** HSA-id of the person, or `system:<service>`. */
  by: string;
  note: string;
}

export interface RelatedCaseRef {
  id: string;
  registryNumber: string;
  type: CaseType;
  status: CaseStatus;
  relation: 'EARLIER_CASE_OF_RESIDENT' | 'LIFTS' | 'LIFTED_BY';
}

/** The Case answer of the public API (DESIGN.md): what `GET /cases/{id}` returns. */
export interface CaseView {
  id: string;
  registryNumber: string;
  type: CaseType;
  status: CaseStatus;
  region: string;
  channel: Channel;
  outcome: ExecutionOutcome | null;
  paperwork: PaperworkState;
  /** R12: who sends the form of an emergency lock (staff, or the resident who asked for it). */
  paperworkSender: PaperworkSender | null;
  /** R9: the lock's review, once scheduled, and how it was decided. */
  review: { id: string; outcome: ReviewOutcome | null } | null;
  /** R18: the guardian block this child lock belongs to. */
  guardianBlockId: string | null;
  /** Why the case was voided. */
  voidReason: string | null;
  /**
   * R10: for a login lock or unlock, the region whose lock the staff tool showed in effect when the
   * action completed ("låst på begäran av Region X"), null when not locked or not yet seen. On a lock
   * it names another region when that region had already locked the login: only it can unlock.
   */
  lockedByRegion?: string | null;
  /** R17: what the action does for the resident. */
  effects: string[];
  /** R17: what the requester should consider. */
  advice: string[];
  relatedCases: RelatedCaseRef[];
  /** R5: the resident has more earlier cases in the region than `relatedCases` names (the newest 50 are). */
  relatedCasesTruncated?: boolean;
  requestingUnit: { hsaId: string; name: string };
  /**
   * The population register marks the resident with a protected identity (skyddad identitet): the
   * case is shown only to the service desk, the requesting unit and the region's auditors, and its
   * timeline withholds every free text that could locate the person.
   */
  protectedIdentity?: boolean;
  /** R6: the registry category (överkategori / underkategori) the case is registered under. */
  registryCategory?: RegistryCategory | null;
  /** R6: the region's own registry reference (e.g. a Plexus number), once the service desk recorded it. */
  registryReference?: RegistryReference | null;
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
}
