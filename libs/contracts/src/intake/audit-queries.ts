import { IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsIdentityNumber } from '../common/validators';

/** The audit trail of one case, or of one resident (gateway → intake, request/reply). */
export class QueryAuditV1 {
  static readonly type = 'intake.query-audit.v1';
  @ValidateIf((o: QueryAuditV1) => !o.personnummer) @IsUUID() caseId?: string;
  @ValidateIf((o: QueryAuditV1) => !o.caseId) @IsOptional() @IsIdentityNumber() personnummer?: string;
}

/** Recompute the audit trail's hash chain (gateway → intake, request/reply). */
export class VerifyAuditV1 {
  static readonly type = 'intake.verify-audit.v1';
}
