import { Injectable, Logger } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type * as OpenIdClient from 'openid-client';
import { STAFF_ROLES, StaffRole } from '@accessdesk/contracts';
import { ConsoleConfig } from '../console.config';
import { SignedInUser } from '../session/session';

/**
 * openid-client (v6) is ESM only and this build is CommonJS, where TypeScript would compile
 * `import()` to `require()`. The Function keeps a native dynamic `import()`, which loads ESM from
 * CommonJS on every supported Node; the types come from `import type` and are erased.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export interface AuthorizationStart {
  url: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export interface SignedIn {
  user: SignedInUser;
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresAt: number;
}

/** The console's claims did not come with the access token the provider issued. */
export class UnusableTokenError extends Error {
  override readonly name = 'UnusableTokenError';
}

/**
 * The OpenID Connect relying party: authorization code flow with PKCE (S256), state and nonce, the
 * client authenticated with its secret. The provider's metadata is discovered on first use and kept;
 * a provider that cannot be reached then fails that sign-in only, not the console's start.
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger('OidcClient');
  private loaded?: Promise<{ lib: typeof OpenIdClient; config: OpenIdClient.Configuration }>;

  constructor(private readonly settings: ConsoleConfig) {}

  get redirectUri(): string {
    return `${this.settings.CONSOLE_PUBLIC_URL}/auth/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.settings.CONSOLE_PUBLIC_URL}/utloggad`;
  }

  private client(): Promise<{ lib: typeof OpenIdClient; config: OpenIdClient.Configuration }> {
    this.loaded ??= (async () => {
      const lib = (await importEsm('openid-client')) as typeof OpenIdClient;
      const issuer = new URL(this.settings.OIDC_ISSUER);
      // Plain http only for a provider on this machine (the development one); anything else must be https.
      const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      const config = await lib.discovery(
        issuer,
        this.settings.OIDC_CLIENT_ID,
        undefined,
        lib.ClientSecretBasic(this.settings.OIDC_CLIENT_SECRET),
        loopback ? { execute: [lib.allowInsecureRequests] } : undefined,
      );
      this.logger.log(`discovered the OpenID provider ${issuer.href}`);
      return { lib, config };
    })();
    // A failed discovery is tried again at the next sign-in.
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  async start(): Promise<AuthorizationStart> {
    const { lib, config } = await this.client();
    const codeVerifier = lib.randomPKCECodeVerifier();
    const state = lib.randomState();
    const nonce = lib.randomNonce();
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.OIDC_SCOPE,
      code_challenge: await lib.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, codeVerifier, state, nonce };
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads who signed in. */
  async finish(callbackUrl: URL, expected: { codeVerifier: string; state: string; nonce: string }): Promise<SignedIn> {
    const { lib, config } = await this.client();
    const tokens = await lib.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const user = userFromAccessToken(tokens.access_token);
    const expiresIn = tokens.expiresIn() ?? 300;
    return { user, accessToken: tokens.access_token, idToken: tokens.id_token, refreshToken: tokens.refresh_token, expiresAt: Date.now() + expiresIn * 1000 };
  }

  /**
   * New tokens for a signed-in person whose access token is about to expire. The provider may
   * rotate the refresh token; the person must be the same one (`sub`), or the session ends.
   */
  async refresh(refreshToken: string, sub: string): Promise<SignedIn> {
    const { lib, config } = await this.client();
    const tokens = await lib.refreshTokenGrant(config, refreshToken);
    const user = userFromAccessToken(tokens.access_token);
    if (user.sub !== sub) throw new UnusableTokenError('the refreshed access token names another person');
    const expiresIn = tokens.expiresIn() ?? 300;
    return { user, accessToken: tokens.access_token, idToken: tokens.id_token, refreshToken: tokens.refresh_token ?? refreshToken, expiresAt: Date.now() + expiresIn * 1000 };
  }

  /** RP-initiated logout at the provider, when it offers it; else null (the console's own sign-out suffices). */
  async endSessionUrl(idToken: string | undefined): Promise<string | null> {
    try {
      const { lib, config } = await this.client();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return lib.buildEndSessionUrl(config, { post_logout_redirect_uri: this.postLogoutRedirectUri, ...(idToken ? { id_token_hint: idToken } : {}) }).href;
    } catch {
      return null;
    }
  }
}

/**
 * Who the gateway will see: the access token's claims (DESIGN.md "Authentication"). The token came
 * straight from the provider's token endpoint; the gateway verifies its signature on every call.
 */
export function userFromAccessToken(accessToken: string): SignedInUser {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    throw new UnusableTokenError('the access token is not a JWT');
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is StaffRole => STAFF_ROLES.includes(r as StaffRole)) : [];
  if (typeof claims.sub !== 'string' || typeof claims.region !== 'string' || roles.length === 0) {
    throw new UnusableTokenError('the access token lacks sub, region or roles');
  }
  return {
    sub: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    region: claims.region,
    roles,
    ...(typeof claims.unit === 'string' ? { unit: claims.unit } : {}),
    ...(typeof claims.careProvider === 'string' ? { careProvider: claims.careProvider } : {}),
  };
}
