import { resolve } from 'node:path';
import { ConfigError } from '../simulators.config';

/**
 * The development OpenID provider's settings (issuer, the console's client). Development only: in
 * production the console is configured against the region's own OpenID provider.
 */
export interface DevOidcOptions {
  /** The provider's issuer, also the base of its endpoints: `http://127.0.0.1:4000/oidc`. */
  issuer: string;
  /** The console, a confidential client: secret over HTTP basic, PKCE required. */
  client: { id: string; secret: string; redirectUri: string; postLogoutRedirectUri: string };
  /** Where the signing key is kept, so that tokens outlive a restart (`.dev-keys/`, as `npm run token`'s). */
  keysDir: string;
}

/** The audience of the access tokens: the gateway's (config/auth.development.json), as `npm run token` mints. */
export const API_AUDIENCE = 'accessdesk-api';
/** The resource indicator (RFC 8707) every access token is issued for. */
export const API_RESOURCE = 'urn:accessdesk:api';

export const DEV_CONSOLE_CLIENT = {
  id: 'accessdesk-console',
  secret: 'dev-console-secret-not-for-production',
  redirectUri: 'http://127.0.0.1:3007/auth/callback',
  postLogoutRedirectUri: 'http://127.0.0.1:3007/utloggad',
};

/**
 * From the environment: `SIMULATOR_OIDC=false` switches the provider off; `OIDC_ISSUER` (default
 * `http://127.0.0.1:<port>/oidc`), `OIDC_CONSOLE_CLIENT_ID`, `OIDC_CONSOLE_CLIENT_SECRET`,
 * `OIDC_CONSOLE_REDIRECT_URI`, `OIDC_CONSOLE_POST_LOGOUT_REDIRECT_URI`, `DEV_KEYS_DIR`. Null when off.
 */
export function readDevOidcConfig(env: NodeJS.ProcessEnv, httpPort: number, cwd = process.cwd()): DevOidcOptions | null {
  if (env.SIMULATOR_OIDC?.trim() === 'false') return null;
  const text = (name: string, fallback: string): string => env[name]?.trim() || fallback;
  const issuer = text('OIDC_ISSUER', `http://127.0.0.1:${httpPort}/oidc`);
  for (const [name, value] of [
    ['OIDC_ISSUER', issuer],
    ['OIDC_CONSOLE_REDIRECT_URI', text('OIDC_CONSOLE_REDIRECT_URI', DEV_CONSOLE_CLIENT.redirectUri)],
    ['OIDC_CONSOLE_POST_LOGOUT_REDIRECT_URI', text('OIDC_CONSOLE_POST_LOGOUT_REDIRECT_URI', DEV_CONSOLE_CLIENT.postLogoutRedirectUri)],
  ]) {
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new ConfigError(`Invalid simulator configuration: ${name} must be an http(s) URL`);
  }
  return {
    issuer: issuer.replace(/\/$/, ''),
    client: {
      id: text('OIDC_CONSOLE_CLIENT_ID', DEV_CONSOLE_CLIENT.id),
      secret: text('OIDC_CONSOLE_CLIENT_SECRET', DEV_CONSOLE_CLIENT.secret),
      redirectUri: text('OIDC_CONSOLE_REDIRECT_URI', DEV_CONSOLE_CLIENT.redirectUri),
      postLogoutRedirectUri: text('OIDC_CONSOLE_POST_LOGOUT_REDIRECT_URI', DEV_CONSOLE_CLIENT.postLogoutRedirectUri),
    },
    keysDir: resolve(cwd, text('DEV_KEYS_DIR', '.dev-keys')),
  };
}
