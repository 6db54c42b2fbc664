import { IsString, MinLength } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

/** Development only; production sets its own secret (README "Security"). */
export const DEVELOPMENT_PSEUDONYM_KEY = 'development-only-audit-pseudonym-key';

export class IntakeConfig extends BaseServiceConfig {
  /** Health and metrics; intake takes its requests over RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3001;

  /** Secret for the residents' pseudonyms in the audit trail (R23); keep it as long as the trail. */
  @IsString() @MinLength(16, { message: 'AUDIT_PSEUDONYM_KEY must be at least 16 characters' })
  AUDIT_PSEUDONYM_KEY = DEVELOPMENT_PSEUDONYM_KEY;

  /** R5: the earlier cases of a resident a case names, newest first; a case with more says so (`relatedCasesTruncated`). */
  @EnvInt(1, 1_000) RELATED_CASES_SHOWN = 50;

  /** `POST /residents/status`: the resident's cases the answer lists, newest first; more are flagged (`casesTruncated`). */
  @EnvInt(1, 10_000) RESIDENT_STATUS_CASES = 200;
}
