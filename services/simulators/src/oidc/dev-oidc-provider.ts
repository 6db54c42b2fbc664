import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { Configuration, JWK, KoaContextWithOIDC } from 'oidc-provider';
import type * as OidcProviderModule from 'oidc-provider';
import type { StaffFixture } from '../fixtures/fixtures';
import { API_AUDIENCE, API_RESOURCE, DevOidcOptions } from './dev-oidc.config';
import { interactionPage, logoutPage, loggedOutPage, oidcErrorPage, PAGE_HEADERS, STYLESHEET } from './dev-oidc.pages';

// A development OpenID provider (oidc-provider) whose sign-in page lets one choose a person from the
// fixtures. It issues access tokens as JWTs with the claims `npm run token` mints (DESIGN.md
// "Authentication"), signed by its own key, which the gateway's development configuration trusts by
// its JWKS URL. Never configured in production: there the region's own provider is.

/**
 * oidc-provider is ESM only; this build is CommonJS, where TypeScript would turn `import()` into
 * `require()`. The Function keeps a real dynamic `import()`, which loads ESM from CommonJS on every
 * supported Node. (Types come from `import type`, erased at compile time.)
 */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

const ACCESS_TOKEN_TTL_S = 3600;
const SESSION_TTL_S = 8 * 3600;
const SIGNING_ALG = 'ES256';

export interface MountedDevOidc {
  issuer: string;
}

/**
 * Mounts the provider under the issuer's path on the simulators' Express app. Call before the Nest
 * app is initialised: the routes must come before Nest's body parsers and its not-found handler.
 */
export async function mountDevOidcProvider(app: Express, options: DevOidcOptions, staff: StaffFixture[]): Promise<MountedDevOidc> {
  const { default: Provider, errors } = (await importEsm('oidc-provider')) as typeof OidcProviderModule;
  const people = new Map(staff.map((s) => [s.hsaId, s]));
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const signingKey = ensureSigningKey(options.keysDir);

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.client.id,
        client_secret: options.client.secret,
        redirect_uris: [options.client.redirectUri],
        post_logout_redirect_uris: [options.client.postLogoutRedirectUri],
        // Refresh tokens let a person who keeps working stay signed in past the access token's hour.
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        // The provider holds one EC key; the default (RS256) would have no key to sign with.
        id_token_signed_response_alg: SIGNING_ALG,
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name'] },
    ttl: { AccessToken: ACCESS_TOKEN_TTL_S, IdToken: ACCESS_TOKEN_TTL_S, AuthorizationCode: 60, Interaction: 600, Session: SESSION_TTL_S, Grant: SESSION_TTL_S, RefreshToken: SESSION_TTL_S },
    // A refresh token for the console (its grant types allow it), without the offline_access scope: it lives no longer than the session.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: () => ({ sub, name: person.name }) } : undefined;
    },
    // DESIGN.md's claims, as tools/dev-keys.js mints them; `sub`, `iss`, `aud` and `exp` are the provider's.
    extraTokenClaims: (_ctx, token) => {
      const person = 'accountId' in token && typeof token.accountId === 'string' ? people.get(token.accountId) : undefined;
      if (!person) return undefined;
      return { name: person.name, region: person.region, roles: person.roles, unit: person.unit, careProvider: person.careProvider };
    },
    // The console is the region's own (first-party) client: no consent step.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.set(PAGE_HEADERS);
          ctx.body = logoutPage(form, mountPath);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.set(PAGE_HEADERS);
          ctx.body = loggedOutPage(mountPath);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return { scope: 'api', audience: API_AUDIENCE, accessTokenTTL: ACCESS_TOKEN_TTL_S, accessTokenFormat: 'jwt', jwt: { sign: { alg: SIGNING_ALG } } };
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set(PAGE_HEADERS);
      ctx.body = oidcErrorPage(String(out.error ?? 'error'), mountPath);
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // The simulators speak plain HTTP on loopback; cookies cannot be Secure there for the provider's own use.
  provider.proxy = false;

  // The sign-in page: choose a person. Express routes ahead of the provider, which owns the rest of the path.
  app.get(`${mountPath}/assets/style.css`, (_req, res) => {
    res.type('text/css').set('Cache-Control', 'max-age=300').send(STYLESHEET);
  });
  app.get(`${mountPath}/interaction/:uid`, (req, res) => {
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== req.params.uid) throw new Error('interaction mismatch');
        res.status(200).set(PAGE_HEADERS).type('html').send(interactionPage(details.uid, staff, mountPath));
      } catch {
        res.status(400).set(PAGE_HEADERS).type('html').send(oidcErrorPage('invalid_interaction', mountPath));
      }
    })();
  });
  app.post(`${mountPath}/interaction/:uid/login`, (req, res) => {
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const hsaId = new URLSearchParams(await readBody(req)).get('hsaId') ?? '';
        if (details.uid !== req.params.uid || !people.has(hsaId)) throw new Error('unknown person or interaction');
        await provider.interactionFinished(req, res, { login: { accountId: hsaId } }, { mergeWithLastSubmission: false });
      } catch {
        if (!res.headersSent) res.status(400).set(PAGE_HEADERS).type('html').send(oidcErrorPage('invalid_interaction', mountPath));
      }
    })();
  });
  app.use(mountPath, provider.callback() as unknown as (req: IncomingMessage, res: ServerResponse) => void);
  return { issuer: options.issuer };
}

/** The provider's signing key, created once and kept on disk so that its tokens outlive a restart. */
function ensureSigningKey(dir: string): JWK {
  const path = join(dir, 'oidc-provider.private.jwk.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as JWK;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `dev-oidc-${randomUUID().slice(0, 8)}`, alg: SIGNING_ALG, use: 'sig' } as JWK;
  writeFileSync(path, JSON.stringify(jwk, null, 2), { mode: 0o600 });
  return jwk;
}

const MAX_FORM_BYTES = 4096;

/** The urlencoded form of the sign-in page (the provider's routes come before any body parser). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new Error('form too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
