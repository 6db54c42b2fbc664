import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { GetCaseV1, SubmitCaseV1 } from '@accessdesk/contracts';
import { DEFAULT_AMQP_URL, Messaging, MessagingLogger, answer, deleteTopology, testPrefix } from '@accessdesk/messaging';
import { loadConfig } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway.config';
import { configureHttp } from './http/configure-http';

const ISSUER = 'https://issuer.gateway-test';
const AUDIENCE = 'accessdesk-api';
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const CASE_ID = '3e2c8d0a-8c1f-4f5e-9a44-1c9d2b7e5f01';

/**
 * The gateway in-process against the real broker, with a stand-in intake that records what reaches
 * it: bad tokens are refused before anything is sent, limits and headers hold.
 */
describe('gateway: authentication, limits and headers', () => {
  let app: INestApplication;
  let fakeIntake: Messaging;
  let prefix: string;
  let privateKey: KeyLike;
  let authConfigFile: string;
  const reached: string[] = [];

  async function token(
    over: { iss?: string; aud?: string; exp?: number | string; nbf?: number; kid?: string; sub?: string; roles?: string[] } = {},
  ): Promise<string> {
    const jwt = new SignJWT({ name: 'Dr A', region: 'VGR', roles: over.roles ?? ['service_desk'] })
      .setProtectedHeader({ alg: 'ES256', kid: over.kid ?? 'gw-1' })
      .setSubject(over.sub ?? 'SE2321000131-E000000000013')
      .setIssuer(over.iss ?? ISSUER)
      .setAudience(over.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(over.exp ?? '5m');
    if (over.nbf !== undefined) jwt.setNotBefore(over.nbf);
    return jwt.sign(privateKey);
  }

  async function startGateway(env: Record<string, string>): Promise<INestApplication> {
    const config = loadConfig(GatewayConfig, { AMQP_PREFIX: prefix, RPC_TIMEOUT_MS: '2000', HTTP_PORT: '0', ...env });
    const gateway = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: false });
    configureHttp(gateway, config);
    await gateway.init();
    return gateway;
  }

  beforeAll(async () => {
    prefix = testPrefix();
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'gw-1', alg: 'ES256' }] }));
    authConfigFile = join(dir, 'auth.json');
    writeFileSync(authConfigFile, JSON.stringify({ issuers: [{ issuer: ISSUER, audience: AUDIENCE, jwksFile: join(dir, 'jwks.json') }] }));
    fakeIntake = new Messaging({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL, service: 'intake', prefix, logger: quiet });
    fakeIntake.serve([
      answer(GetCaseV1, async (envelope) => {
        reached.push(`${envelope.type} by ${envelope.actor.sub} from ${envelope.actor.origin}`);
        return { ok: false, problem: { type: 'https://accessdesk.se/problems/case-not-found', title: 'Case not found', status: 404 } };
      }),
      answer(SubmitCaseV1, async (envelope) => {
        reached.push(envelope.type);
        return { ok: false, problem: { type: 'https://accessdesk.se/problems/test', title: 'test', status: 422 } };
      }),
    ]);
    await fakeIntake.start();
    app = await startGateway({ AUTH_CONFIG_FILE: authConfigFile, RATE_LIMIT_BURST: '5', RATE_LIMIT_PER_MINUTE: '6', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
  });

  afterAll(async () => {
    await app?.close();
    await fakeIntake?.close();
    await deleteTopology(prefix, [`${prefix}intake.rpc`]);
  });

  const get = (authorization?: string) => {
    const r = request(app.getHttpServer()).get(`/api/v1/cases/${CASE_ID}`);
    return authorization === undefined ? r : r.set('Authorization', authorization);
  };

  it('refuses every bad token with 401 and sends nothing to a service', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { sub: 'x', name: 'x', region: 'VGR', roles: ['service_desk'], iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 };
    const publicJwk = await exportJWK((await generateKeyPair('ES256')).publicKey);
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'gw-1' }).sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    const now = Math.floor(Date.now() / 1000);
    const bad: Array<[string, string | undefined]> = [
      ['missing', undefined],
      ['not bearer', 'Basic Zm9vOmJhcg=='],
      ['malformed', 'Bearer not-a-jwt'],
      ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
      ['HS256 signed with a public key', `Bearer ${hs256}`],
      ['wrong issuer', `Bearer ${await token({ iss: 'https://elsewhere' })}`],
      ['wrong audience', `Bearer ${await token({ aud: 'another-api' })}`],
      ['expired', `Bearer ${await token({ exp: now - 600 })}`],
      ['not yet valid', `Bearer ${await token({ nbf: now + 600 })}`],
      ['unknown kid', `Bearer ${await token({ kid: 'gw-2' })}`],
    ];
    // Each bad call spends a token of this client address: a gateway with room for all of them.
    const roomy = await startGateway({ AUTH_CONFIG_FILE: authConfigFile, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    try {
      for (const [label, authorization] of bad) {
        const r = request(roomy.getHttpServer()).get(`/api/v1/cases/${CASE_ID}`);
        const res = await (authorization === undefined ? r : r.set('Authorization', authorization));
        expect({ label, status: res.status, type: res.headers['content-type'] }).toEqual({ label, status: 401, type: expect.stringMatching(/application\/problem\+json/) });
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    } finally {
      await roomy.close();
    }
    expect(reached).toEqual([]);
  });

  it('passes a valid caller on, with the address it came from', async () => {
    const res = await get(`Bearer ${await token({ sub: 'SE2321000131-E000000000099' })}`);
    expect(res.status).toBe(404);
    expect(reached).toEqual([expect.stringMatching(/^intake\.get-case\.v1 by SE2321000131-E000000000099 from /)]);
  });

  it('answers 429 with Retry-After once a caller spends its burst', async () => {
    const t = await token({ sub: 'SE2321000131-E000000000077' });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await get(`Bearer ${t}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another caller is not slowed by it.
    expect((await get(`Bearer ${await token({ sub: 'SE2321000131-E000000000078' })}`)).status).toBe(404);
  });

  it('sets security headers and keeps CORS closed unless configured', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').set('Origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS only for configured origins', async () => {
    const open = await startGateway({ AUTH_CONFIG_FILE: authConfigFile, CORS_ORIGINS: 'https://desk.region.example', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    try {
      const preflight = (origin: string) =>
        request(open.getHttpServer()).options('/api/v1/cases').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect((await preflight('https://desk.region.example')).headers['access-control-allow-origin']).toBe('https://desk.region.example');
      expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('takes a second issuer’s keys from a JWKS URL, chosen by kid', async () => {
    const remote = await generateKeyPair('RS256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(remote.publicKey)), kid: 'remote-1', alg: 'RS256' }] });
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    const dir = mkdtempSync(join(tmpdir(), 'gateway-remote-'));
    const twoIssuers = join(dir, 'auth.json');
    writeFileSync(
      twoIssuers,
      JSON.stringify({ issuers: [JSON.parse(readFileSync(authConfigFile, 'utf8')).issuers[0], { issuer: 'https://idp.region.example', audience: AUDIENCE, jwksUrl }] }),
    );
    const gateway = await startGateway({ AUTH_CONFIG_FILE: twoIssuers, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    try {
      const remoteToken = await new SignJWT({ name: 'KSD', region: 'VGR', roles: ['service_desk'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'remote-1' })
        .setSubject('SE2321000131-E000000000066')
        .setIssuer('https://idp.region.example')
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(remote.privateKey);
      const call = (t: string) => request(gateway.getHttpServer()).get(`/api/v1/cases/${CASE_ID}`).set('Authorization', `Bearer ${t}`);
      expect((await call(remoteToken)).status).toBe(404);
      expect((await call(await token())).status).toBe(404);
      // The remote issuer's name with the local key: refused.
      const forged = await new SignJWT({ name: 'x', region: 'VGR', roles: ['service_desk'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'gw-1' })
        .setSubject('x')
        .setIssuer('https://idp.region.example')
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(privateKey);
      expect((await call(forged)).status).toBe(401);
    } finally {
      await gateway.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('caps request bodies', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${await token({ sub: 'SE2321000131-E000000000055' })}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
