import { IsIn, IsString, Matches } from 'class-validator';
import { BaseServiceConfig, ConfigError, EnvInt } from '@accessdesk/platform';

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;
/** The development provider's client secret (services/simulators); refused in production. */
export const DEV_CLIENT_SECRET = 'dev-console-secret-not-for-production';

/**
 * The console's configuration. Production sets the region's OpenID provider (issuer, client id and
 * secret), the console's public URL (https) and the gateway's URL; the defaults are this machine's
 * `npm start`.
 */
export class ConsoleConfig extends BaseServiceConfig {
  @EnvInt(0, 65535) HTTP_PORT = 3007;

  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Where people reach the console; the OpenID redirect URI is `<this>/auth/callback`. */
  @Matches(HTTP_URL, { message: 'CONSOLE_PUBLIC_URL must be an http(s) URL' })
  CONSOLE_PUBLIC_URL = 'http://127.0.0.1:3007';

  /** The gateway's base URL; the console calls `/api/v1` there with the signed-in person's token. */
  @Matches(HTTP_URL, { message: 'GATEWAY_URL must be an http(s) URL' }) GATEWAY_URL = 'http://127.0.0.1:3000';
  @EnvInt(500, 120_000) GATEWAY_TIMEOUT_MS = 10_000;

  /** The OpenID provider (discovery at `<issuer>/.well-known/openid-configuration`). */
  @Matches(HTTP_URL, { message: 'OIDC_ISSUER must be an http(s) URL' }) OIDC_ISSUER = 'http://127.0.0.1:4000/oidc';
  @IsString() OIDC_CLIENT_ID = 'accessdesk-console';
  @IsString() OIDC_CLIENT_SECRET = DEV_CLIENT_SECRET;
  /** Space-separated scopes asked for; the access token must carry DESIGN.md's claims for the gateway. */
  @IsString() OIDC_SCOPE = 'openid profile';

  /** A signed-in session ends after this long without a request (minutes). */
  @EnvInt(1, 24 * 60) SESSION_IDLE_TIMEOUT_MIN = 15;
  /** …and this long after sign-in, whatever happens (minutes). */
  @EnvInt(5, 7 * 24 * 60) SESSION_MAX_AGE_MIN = 8 * 60;

  /** Audit records per page of the auditor's search ("Visa fler" for the next); the API gives up to 1 000. */
  @EnvInt(1, 1000) AUDIT_PAGE_SIZE = 100;
}

/** With NODE_ENV=production: https everywhere people and tokens go, and a client secret of its own. */
export function assertProductionReady(config: ConsoleConfig): void {
  if (config.NODE_ENV !== 'production') return;
  const problems: string[] = [];
  if (!config.CONSOLE_PUBLIC_URL.startsWith('https:')) problems.push('  CONSOLE_PUBLIC_URL must be https in production');
  if (!config.OIDC_ISSUER.startsWith('https:')) problems.push('  OIDC_ISSUER must be https in production');
  if (config.OIDC_CLIENT_SECRET === DEV_CLIENT_SECRET || config.OIDC_CLIENT_SECRET.length < 16) {
    problems.push('  OIDC_CLIENT_SECRET must be set to the client secret the provider issued (16+ characters) in production');
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
}
