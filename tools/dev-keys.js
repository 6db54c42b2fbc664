// Development signing key and token minting. The key is generated on first use into a git-ignored
// folder; only the development configuration (config/auth.development.json) trusts it.
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const jose = require('jose');

const ROOT = path.join(__dirname, '..');
const ALG = 'ES256';
const DEV_ISSUER = 'https://accessdesk.dev.local/issuer';
const DEV_AUDIENCE = 'accessdesk-api';

function keysDir() {
  return path.resolve(ROOT, process.env.DEV_KEYS_DIR ?? '.dev-keys');
}

/** Creates the development key pair once; returns the private JWK. */
async function ensureDevKeys() {
  const dir = keysDir();
  const privatePath = path.join(dir, 'private.jwk.json');
  if (fs.existsSync(privatePath)) return JSON.parse(fs.readFileSync(privatePath, 'utf8'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = await jose.generateKeyPair(ALG, { extractable: true });
  const kid = `dev-${randomUUID().slice(0, 8)}`;
  const privateJwk = { ...(await jose.exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
  const publicJwk = { ...(await jose.exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [publicJwk] }, null, 2), { mode: 0o644 });
  fs.writeFileSync(privatePath, JSON.stringify(privateJwk, null, 2), { mode: 0o600 });
  return privateJwk;
}

/** A development token with DESIGN.md's claims. */
async function mintToken({ sub, name, region, roles, unit, careProvider, ttl = '1h' }) {
  const jwk = await ensureDevKeys();
  const key = await jose.importJWK(jwk, ALG);
  const claims = { name: name ?? sub, region, roles };
  if (unit) claims.unit = unit;
  if (careProvider) claims.careProvider = careProvider;
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: jwk.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(ttl)
    .setJti(randomUUID())
    .sign(key);
}

module.exports = { ensureDevKeys, mintToken, keysDir, DEV_ISSUER, DEV_AUDIENCE };
