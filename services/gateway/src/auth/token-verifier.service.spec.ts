import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { InvalidTokenError, TokenVerifier } from './token-verifier.service';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'accessdesk-api';
const CLAIMS = { name: 'Dr A', region: 'VGR', roles: ['clinician'], unit: 'SE2321000131-E000000000001' };

describe('TokenVerifier', () => {
  let verifier: TokenVerifier;
  let privateKey: KeyLike;
  let publicJwk: Record<string, unknown>;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    const dir = mkdtempSync(join(tmpdir(), 'verifier-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [publicJwk] }));
    verifier = new TokenVerifier({ issuers: [{ issuer: ISSUER, audience: AUDIENCE, jwksFile: join(dir, 'jwks.json') }] });
  });

  function token(overrides: { iss?: string; aud?: string; exp?: string | number; nbf?: string | number; kid?: string; claims?: object } = {}) {
    const jwt = new SignJWT({ ...CLAIMS, ...overrides.claims })
      .setProtectedHeader({ alg: 'ES256', kid: overrides.kid ?? 'k1' })
      .setSubject('SE2321000131-E000000000011')
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.exp ?? '5m');
    if (overrides.nbf !== undefined) jwt.setNotBefore(overrides.nbf);
    return jwt.sign(privateKey);
  }

  it('accepts a valid token and returns the caller', async () => {
    await expect(verifier.verify(await token())).resolves.toEqual({
      sub: 'SE2321000131-E000000000011',
      name: 'Dr A',
      region: 'VGR',
      roles: ['clinician'],
      unit: 'SE2321000131-E000000000001',
    });
  });

  it.each([
    ['an untrusted issuer', { iss: 'https://evil.test' }],
    ['another audience', { aud: 'someone-else' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 120 }],
    ['a token not yet valid', { nbf: Math.floor(Date.now() / 1000) + 600 }],
    ['an unknown key id', { kid: 'k2' }],
    ['an unknown role', { claims: { roles: ['superuser'] } }],
    ['no region', { claims: { region: undefined } }],
  ])('refuses %s', async (_label, overrides) => {
    await expect(verifier.verify(await token(overrides as never))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses alg none and HS256 signed with the public key', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const payload = { ...CLAIMS, sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 };
    await expect(verifier.verify(`${b64({ alg: 'none' })}.${b64(payload)}.`)).rejects.toBeInstanceOf(InvalidTokenError);
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const hs = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(secret);
    await expect(verifier.verify(hs)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses garbage', async () => {
    await expect(verifier.verify('not.a.token')).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
