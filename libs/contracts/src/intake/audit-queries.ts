import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { HSA_ID, IsIdentityNumber } from '../common/validators';

/** A page of an audit trail holds 1 000 records unless asked for fewer (the size the trail always answered with). */
export const AUDIT_PAGE_MAX = 1_000;

/**
 * The audit trail (gateway → intake, guardian-block; request/reply), narrowed by any of: one case or
 * one resident (not both), the staff member who acted (`actorHsaId`), a time range (`from`
 * inclusive, `to` exclusive). Records come in the chain's order, `limit` at a time after `afterSeq`;
 * the answer's `more` says the trail holds further records that match.
 */
export class QueryAuditV1 {
  static readonly type = 'intake.query-audit.v1';
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsIdentityNumber() personnummer?: string;
  /** HSA-id of the staff member whose actions are asked for. */
  @IsOptional() @IsString() @Matches(HSA_ID, { message: 'actorHsaId must be an HSA-id' }) actorHsaId?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @IsInt() @Min(1) @Max(AUDIT_PAGE_MAX) limit?: number;
  /** The `seq` of the last record of the page before. */
  @IsOptional() @IsInt() @Min(0) afterSeq?: number;
  /** The id of the last record of the page before, when that record was not yet linked into the chain. */
  @IsOptional() @IsUUID() afterUnlinkedId?: string;
  /** Why the trail is read, for the record of the reading: a page on screen, or an export (CSV). */
  @IsOptional() @IsIn(['VIEW', 'EXPORT']) purpose?: 'VIEW' | 'EXPORT';
}

/** Recompute the audit trail's hash chain (gateway → intake, request/reply). */
export class VerifyAuditV1 {
  static readonly type = 'intake.verify-audit.v1';
}
