import { IsString, Matches } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

export class GatewayConfig extends BaseServiceConfig {
  @EnvInt(0, 65535) HTTP_PORT = 3000;

  /** Trusted token issuers and their keys (README "Security"). */
  @IsString() AUTH_CONFIG_FILE = 'config/auth.development.json';

  /** Largest accepted request body. */
  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 64kb or 1mb' }) BODY_LIMIT = '64kb';

  /** How long the gateway waits for a service's answer before it answers 503. */
  @EnvInt(100, 60_000) RPC_TIMEOUT_MS = 5_000;
}
