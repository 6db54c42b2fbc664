import { IsString, MinLength } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

/** Development only; production sets its own secret (README "Security"). */
export const DEVELOPMENT_PSEUDONYM_KEY = 'development-only-audit-pseudonym-key';

export class GuardianBlockConfig extends BaseServiceConfig {
  /** Health and metrics; guardian-block takes its requests over RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3004;

  /** Secret for the residents' pseudonyms in the audit trail (R23); keep it as long as the trail. */
  @IsString() @MinLength(16, { message: 'AUDIT_PSEUDONYM_KEY must be at least 16 characters' })
  AUDIT_PSEUDONYM_KEY = DEVELOPMENT_PSEUDONYM_KEY;
}
