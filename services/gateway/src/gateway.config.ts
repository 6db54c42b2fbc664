import { IsBoolean, IsString, Matches, ValidateIf } from 'class-validator';
import { Transform } from 'class-transformer';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

export class GatewayConfig extends BaseServiceConfig {
  @EnvInt(0, 65535) HTTP_PORT = 3000;

  /** Trusted token issuers and their keys (README "Security"). */
  @IsString() AUTH_CONFIG_FILE = 'config/auth.development.json';

  /** Largest accepted request body. */
  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 64kb or 1mb' }) BODY_LIMIT = '64kb';

  /** How long the gateway waits for a service's answer before it answers 503. */
  @EnvInt(100, 60_000) RPC_TIMEOUT_MS = 5_000;

  /** Calls per minute per caller (and per client address for calls that fail to authenticate). */
  @EnvInt(1, 1_000_000) RATE_LIMIT_PER_MINUTE = 600;
  /** Calls a caller may make at once before the per-minute rate applies. */
  @EnvInt(1, 1_000_000) RATE_LIMIT_BURST = 60;

  /** Browser origins allowed to call the API, comma-separated; empty: CORS stays closed. */
  @ValidateIf((c: GatewayConfig) => c.CORS_ORIGINS !== '')
  @Matches(/^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, { message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins' })
  CORS_ORIGINS = '';

  /** Behind a reverse proxy: trust its X-Forwarded-For for the client address in the audit trail. */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;
}
