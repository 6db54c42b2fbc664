import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { JWTVerifyGetKey, createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Actor } from '@accessdesk/contracts';
import { ConfigError } from '@accessdesk/platform';
import { AuthConfig } from './trusted-issuers';
import { Caller } from './caller';

/** Only asymmetric algorithms: a token signed with a shared secret (or none) is never accepted. */
const ALGORITHMS = ['ES256', 'RS256'];
/** Clock skew tolerated on `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 30;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

interface Issuer {
  audience: string;
  keys: JWTVerifyGetKey;
}

/** Verifies bearer tokens against the configured trusted issuers (DESIGN.md "Authentication"). */
@Injectable()
export class TokenVerifier {
  private readonly issuers = new Map<string, Issuer>();

  constructor(config: AuthConfig) {
    for (const i of config.issuers) {
      let keys: JWTVerifyGetKey;
      if (i.jwksFile) {
        let jwks: unknown;
        try {
          jwks = JSON.parse(readFileSync(resolve(i.jwksFile), 'utf8'));
        } catch {
          throw new ConfigError(`the keys of issuer ${i.issuer} (${i.jwksFile}) cannot be read; in development run \`npm run token\` once`);
        }
        keys = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
      } else {
        keys = createRemoteJWKSet(new URL(i.jwksUrl as string));
      }
      this.issuers.set(i.issuer, { audience: i.audience, keys });
    }
  }

  async verify(token: string): Promise<Caller> {
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new InvalidTokenError('malformed token');
    }
    const issuer = iss ? this.issuers.get(iss) : undefined;
    if (!issuer) throw new InvalidTokenError('untrusted issuer');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        issuer: iss,
        audience: issuer.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      throw new InvalidTokenError(err instanceof Error ? err.name : 'verification failed');
    }
    // The claims are DESIGN.md's caller: validated with the same class the envelope carries it in.
    const claims = plainToInstance(Actor, { ...payload, origin: undefined });
    if (validateSync(claims, { whitelist: true }).length > 0) throw new InvalidTokenError('claims missing or wrong');
    return {
      sub: claims.sub,
      name: claims.name,
      region: claims.region,
      roles: claims.roles,
      ...(claims.unit ? { unit: claims.unit } : {}),
      ...(claims.careProvider ? { careProvider: claims.careProvider } : {}),
    };
  }
}
