import { IsIdentityNumber } from '../common/validators';
import { CaseStatus, CaseType, GuardianBlockStatus, IdentityNumberKindName } from '../common/vocabulary';

/** `POST /residents/status`: the personnummer goes in the body, never in a URL. */
export class ResidentStatusRequest {
  @IsIdentityNumber() personnummer!: string;
}

/** A resident's current restrictions as intake knows them (gateway → intake). */
export class ResidentStatusV1 {
  static readonly type = 'intake.resident-status.v1';
  @IsIdentityNumber() personnummer!: string;
}

/** A resident's guardian blocks as guardian-block knows them (gateway → guardian-block). */
export class GuardianStatusV1 {
  static readonly type = 'guardian-block.guardian-status.v1';
  @IsIdentityNumber() personnummer!: string;
}

/** One case in a status answer: only cases the caller may see are listed. */
export interface StatusCaseRef {
  id: string;
  registryNumber: string;
  type: CaseType;
  status: CaseStatus | GuardianBlockStatus;
  createdAt: string;
}

/** intake's part of the answer. */
export interface LoginAndSealStatus {
  identityNumberKind: IdentityNumberKindName;
  login: {
    locked: boolean;
    /**
     * R10: only this region may lift the lock. Named even when the caller's region is another. From
     * the last thing the staff tool showed for the resident ("låst på begäran av Region X").
     */
    lockedByRegion: string | null;
    /** The executed lock, when the caller may see it. */
    lockCase: StatusCaseRef | null;
    /** R10: when the staff tool last showed the login (a case's login action completed); null: never. */
    seenAt?: string | null;
  };
  seal: {
    sealed: boolean;
    sealedByRegion: string | null;
    scope: { whole?: boolean; careProviders?: string[]; careUnits?: string[]; from?: string | null; to?: string | null } | null;
    sealCase: StatusCaseRef | null;
  };
  cases: StatusCaseRef[];
  /** More cases than the answer lists (the newest 200 are): find the rest with `GET /cases`. */
  casesTruncated?: boolean;
}

/** guardian-block's part of the answer (the resident as a child). */
/**
 * R18: which guardians are blocked, for every block of the caller's region: staff acting on the child
 * must not turn to them. The block itself (its id and registry number) only for a caller who may read
 * it, as intake names only the cases the caller may see.
 */
export interface GuardianBlockStatusPart {
  guardianBlocks: Array<{ guardianBlockId: string | null; registryNumber: string | null; region: string; status: GuardianBlockStatus; blockedGuardians: string[] }>;
}

/** The answer of `POST /residents/status`: both parts, merged by the gateway. */
export type ResidentStatusView = LoginAndSealStatus & GuardianBlockStatusPart;

