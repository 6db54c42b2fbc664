import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import request from 'supertest';
import { Endpoint, rolesFor } from '@accessdesk/access';
import {
  CompleteCaseV1,
  CompleteWorkItemV1,
  DecideReviewV1,
  GetCaseV1,
  GuardianBlockStatusPart,
  GuardianStatusV1,
  ListDeadLettersV1,
  ListReviewsV1,
  ListWorkItemsV1,
  LoginAndSealStatus,
  MessageContract,
  PurgeDeadLettersV1,
  RecordPaperworkV1,
  RecordVerificationV1,
  ReplayDeadLettersV1,
  ResidentStatusV1,
  RpcReply,
  STAFF_ROLES,
  ShowDeadLetterV1,
  SubmitCaseV1,
  VoidCaseV1,
  RecordRegistryReferenceV1,
} from '@accessdesk/contracts';
import { DEFAULT_AMQP_URL, Messaging, MessagingLogger, RpcHandler, answer, deleteTopology, testPrefix } from '@accessdesk/messaging';
import { loadConfig } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway.config';
import { configureHttp } from './http/configure-http';
import { publishedApi } from '../test/openapi-check';

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

/**
 * The case commands, resident status, work items and reviews, against stand-ins for intake,
 * guardian-block and review-scheduler that record what reaches them: each endpoint asks the right
 * service with the right contract and payload, and refuses a role outside the table, a bad body or
 * a malformed id before anything is sent.
 */
describe('gateway: commands, resident status, work items and reviews', () => {
  /** Short, so that a stand-in that holds its answer makes the gateway give up quickly. */
  const RPC_TIMEOUT_MS = 800;
  const PNR = '199001012385';
  /** guardian-block holds its answer for this resident until the test is over. */
  const PNR_GUARDIAN_SLOW = '199512312266';
  /** guardian-block fails on its side for this resident. */
  const PNR_GUARDIAN_FAILS = '198506152381';
  /** intake holds its answer for this resident until the test is over. */
  const PNR_INTAKE_SLOW = '199304171797';
  /** Valid in shape, wrong check digit. */
  const PNR_BAD_CHECK_DIGIT = '199001012384';
  const WORK_ITEM_ID = '5b0c6f64-2f0e-4c39-8d0b-3f1f6a9e2c10';
  const REVIEW_ID = '0f8a7c2e-51b4-4d0a-9e36-7d2a8c1b4e55';

  interface Reached {
    service: string;
    type: string;
    payload: unknown;
    sub: string;
    correlationId: string;
  }

  let app: INestApplication;
  let prefix: string;
  let privateKey: KeyLike;
  const standIns: Messaging[] = [];
  const reached: Reached[] = [];
  /** Answers a stand-in holds back; released after each test so that the stand-ins can stop. */
  const held: Array<() => void> = [];
  const hold = () => new Promise<void>((resolve) => held.push(resolve));

  const LOGIN_AND_SEAL: LoginAndSealStatus = {
    identityNumberKind: 'PERSONNUMMER',
    login: { locked: true, lockedByRegion: 'VGR', lockCase: null },
    seal: { sealed: false, sealedByRegion: null, scope: null, sealCase: null },
    cases: [],
  };
  const GUARDIAN_PART: GuardianBlockStatusPart = {
    guardianBlocks: [{ guardianBlockId: '9d7e3a10-0c5b-4b8e-a2f4-6e1d0c9b8a77', registryNumber: 'VGR-2026-000007', region: 'VGR', status: 'BLOCKED', blockedGuardians: ['guardian-1'] }],
  };
  const DECISION = {
    decidedBy: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A', role: 'CLINICIAN' },
    decidedAt: '2026-11-20T09:00:00Z',
    reasons: ['THREAT'],
    motivation: 'Fortsatt hot.',
  };

  async function token(roles: string[], sub = 'SE2321000131-E000000000021'): Promise<string> {
    return new SignJWT({ name: 'Test', region: 'VGR', roles, unit: 'SE2321000131-E000000000001' })
      .setProtectedHeader({ alg: 'ES256', kid: 'gw-1' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  }

  /** A request handler that records what reached it, then answers with `reply`. */
  function recording<P extends object>(service: string, contract: MessageContract<P>, reply: (payload: P) => Promise<RpcReply<unknown>>): RpcHandler<P, unknown> {
    return answer(contract, async (envelope, payload) => {
      reached.push({ service, type: envelope.type, payload: JSON.parse(JSON.stringify(payload)), sub: envelope.actor.sub, correlationId: envelope.correlationId });
      return reply(payload);
    });
  }
  const ok = (body: unknown) => async (): Promise<RpcReply<unknown>> => ({ ok: true, body });
  const caseAnswer = async (p: { caseId: string }): Promise<RpcReply<unknown>> => ({ ok: true, body: { id: p.caseId, status: 'VERIFYING' } });

  async function standIn(service: string, handlers: RpcHandler[]): Promise<void> {
    const m = new Messaging({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL, service, prefix, logger: quiet });
    // RpcHandler is generic in its payload; the server takes them as one list.
    m.serve(handlers);
    await m.start();
    standIns.push(m);
  }

  beforeAll(async () => {
    prefix = testPrefix();
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    const dir = mkdtempSync(join(tmpdir(), 'gateway-endpoints-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'gw-1', alg: 'ES256' }] }));
    writeFileSync(join(dir, 'auth.json'), JSON.stringify({ issuers: [{ issuer: ISSUER, audience: AUDIENCE, jwksFile: join(dir, 'jwks.json') }] }));

    await standIn('intake', [
      recording('intake', CompleteCaseV1, caseAnswer),
      recording('intake', RecordPaperworkV1, caseAnswer),
      recording('intake', RecordVerificationV1, caseAnswer),
      recording('intake', VoidCaseV1, caseAnswer),
      recording('intake', RecordRegistryReferenceV1, caseAnswer),
      recording('intake', ResidentStatusV1, async (p) => {
        if (p.personnummer === PNR_INTAKE_SLOW) await hold();
        return { ok: true, body: LOGIN_AND_SEAL };
      }),
      recording('intake', ListWorkItemsV1, ok({ items: [] })),
      recording('intake', CompleteWorkItemV1, async (p) => ({ ok: true, body: { id: p.workItemId, status: 'DONE' } })),
      recording('intake', ListDeadLettersV1, ok({ queues: [], items: [], truncated: false })),
      recording('intake', ShowDeadLetterV1, async (p) => ({ ok: true, body: { deadLetter: { messageId: p.messageId }, envelope: {} } })),
      recording('intake', ReplayDeadLettersV1, ok({ replayed: [] })),
      recording('intake', PurgeDeadLettersV1, ok({ purged: 0 })),
      recording('intake', DecideReviewV1, async (p) => ({
        ok: true,
        body: { reviewId: p.reviewId, lockCaseId: CASE_ID, outcome: p.request.outcome, unlockCaseId: null, unlockRegistryNumber: null },
      })),
    ] as RpcHandler[]);
    await standIn('guardian-block', [
      recording('guardian-block', GuardianStatusV1, async (p) => {
        if (p.personnummer === PNR_GUARDIAN_SLOW) await hold();
        if (p.personnummer === PNR_GUARDIAN_FAILS) return { ok: false, problem: { type: 'https://accessdesk.se/problems/internal', title: 'Internal error', status: 500 } };
        return { ok: true, body: GUARDIAN_PART };
      }),
    ] as RpcHandler[]);
    await standIn('review-scheduler', [recording('review-scheduler', ListReviewsV1, ok({ items: [] }))] as RpcHandler[]);

    const config = loadConfig(GatewayConfig, {
      AMQP_PREFIX: prefix,
      RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
      HTTP_PORT: '0',
      AUTH_CONFIG_FILE: join(dir, 'auth.json'),
      RATE_LIMIT_BURST: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    const gateway = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: false });
    configureHttp(gateway, config);
    await gateway.init();
    app = gateway;
  });

  afterEach(() => {
    held.splice(0).forEach((release) => release());
    reached.length = 0;
  });

  afterAll(async () => {
    await app?.close();
    const queues = standIns.flatMap((m) => m.declaredQueues());
    await Promise.all(standIns.map((m) => m.close()));
    await deleteTopology(prefix, queues);
  });

  interface Route {
    endpoint: Endpoint;
    method: 'get' | 'post';
    path: string;
    body?: object;
    idempotencyKey?: string;
    reaches: Omit<Reached, 'sub' | 'correlationId'> & { correlationId?: string };
  }

  const routes: Route[] = [
    {
      endpoint: 'POST /cases/{id}/completion',
      method: 'post',
      path: `/api/v1/cases/${CASE_ID}/completion`,
      body: { signature: { signedBy: 'SE2321000131-E000000000011', signedAt: '2026-11-20T09:05:00Z' }, comment: 'Signerad nu.' },
      reaches: {
        service: 'intake',
        type: CompleteCaseV1.type,
        payload: { caseId: CASE_ID, request: { signature: { signedBy: 'SE2321000131-E000000000011', signedAt: '2026-11-20T09:05:00Z' }, comment: 'Signerad nu.' } },
        correlationId: CASE_ID,
      },
    },
    {
      endpoint: 'POST /cases/{id}/paperwork',
      method: 'post',
      path: `/api/v1/cases/${CASE_ID}/paperwork`,
      body: { receivedAt: '2026-11-21T10:00:00Z', note: 'Blanketten kom med posten.' },
      reaches: {
        service: 'intake',
        type: RecordPaperworkV1.type,
        payload: { caseId: CASE_ID, request: { receivedAt: '2026-11-21T10:00:00Z', note: 'Blanketten kom med posten.' } },
        correlationId: CASE_ID,
      },
    },
    {
      endpoint: 'POST /cases/{id}/verification',
      method: 'post',
      path: `/api/v1/cases/${CASE_ID}/verification`,
      body: { outcome: 'VERIFIED', calledAt: '2026-11-21T10:00:00Z', note: 'Ringde växeln.' },
      reaches: {
        service: 'intake',
        type: RecordVerificationV1.type,
        payload: { caseId: CASE_ID, request: { outcome: 'VERIFIED', calledAt: '2026-11-21T10:00:00Z', note: 'Ringde växeln.' } },
        correlationId: CASE_ID,
      },
    },
    {
      endpoint: 'POST /cases/{id}/void',
      method: 'post',
      path: `/api/v1/cases/${CASE_ID}/void`,
      body: { reason: 'Registrerad två gånger.' },
      reaches: { service: 'intake', type: VoidCaseV1.type, payload: { caseId: CASE_ID, request: { reason: 'Registrerad två gånger.' } }, correlationId: CASE_ID },
    },
    {
      endpoint: 'POST /cases/{id}/registry-reference',
      method: 'post',
      path: `/api/v1/cases/${CASE_ID}/registry-reference`,
      body: { reference: 'PLX-2026-0042' },
      reaches: { service: 'intake', type: RecordRegistryReferenceV1.type, payload: { caseId: CASE_ID, request: { reference: 'PLX-2026-0042' } }, correlationId: CASE_ID },
    },
    {
      endpoint: 'GET /work-items',
      method: 'get',
      path: '/api/v1/work-items?status=OPEN&kind=MANUAL_EXECUTION',
      reaches: { service: 'intake', type: ListWorkItemsV1.type, payload: { filter: { status: 'OPEN', kind: 'MANUAL_EXECUTION' } } },
    },
    {
      endpoint: 'POST /work-items/{id}/complete',
      method: 'post',
      path: `/api/v1/work-items/${WORK_ITEM_ID}/complete`,
      body: { result: 'DONE', executedAt: '2026-11-21T10:00:00Z', observed: 'Kontot visas som låst.' },
      reaches: {
        service: 'intake',
        type: CompleteWorkItemV1.type,
        payload: { workItemId: WORK_ITEM_ID, request: { result: 'DONE', executedAt: '2026-11-21T10:00:00Z', observed: 'Kontot visas som låst.' } },
      },
    },
    {
      endpoint: 'GET /reviews',
      method: 'get',
      path: '/api/v1/reviews?state=all',
      reaches: { service: 'review-scheduler', type: ListReviewsV1.type, payload: { filter: { state: 'all' } } },
    },
    {
      endpoint: 'POST /reviews/{id}/decision',
      method: 'post',
      path: `/api/v1/reviews/${REVIEW_ID}/decision`,
      body: { outcome: 'KEEP_LOCKED', decision: DECISION },
      idempotencyKey: 'review-key-1',
      reaches: { service: 'intake', type: DecideReviewV1.type, payload: { reviewId: REVIEW_ID, request: { outcome: 'KEEP_LOCKED', decision: DECISION }, idempotencyKey: 'review-key-1' } },
    },
    {
      endpoint: 'GET /dead-letters',
      method: 'get',
      path: `/api/v1/dead-letters?queue=identity-check.events&caseId=${CASE_ID}`,
      reaches: { service: 'intake', type: ListDeadLettersV1.type, payload: { queue: 'identity-check.events', caseId: CASE_ID } },
    },
    {
      endpoint: 'GET /dead-letters/{messageId}',
      method: 'get',
      path: `/api/v1/dead-letters/${REVIEW_ID}`,
      reaches: { service: 'intake', type: ShowDeadLetterV1.type, payload: { messageId: REVIEW_ID } },
    },
    {
      endpoint: 'POST /dead-letters/replay',
      method: 'post',
      path: '/api/v1/dead-letters/replay',
      body: { queue: 'identity-check.events', type: 'intake.case.received.v1' },
      reaches: { service: 'intake', type: ReplayDeadLettersV1.type, payload: { queue: 'identity-check.events', type: 'intake.case.received.v1' } },
    },
    {
      endpoint: 'POST /dead-letters/purge',
      method: 'post',
      path: '/api/v1/dead-letters/purge',
      body: { queue: 'intake.rpc' },
      reaches: { service: 'intake', type: PurgeDeadLettersV1.type, payload: { queue: 'intake.rpc' } },
    },
  ];

  function call(route: Pick<Route, 'method' | 'path' | 'body' | 'idempotencyKey'>, bearer: string) {
    const r = request(app.getHttpServer())[route.method](route.path).set('Authorization', `Bearer ${bearer}`);
    if (route.idempotencyKey) r.set('Idempotency-Key', route.idempotencyKey);
    return route.body === undefined ? r : r.send(route.body);
  }

  describe.each(routes.map((r) => [r.endpoint, r] as const))('%s', (_endpoint, route) => {
    it.each(rolesFor(route.endpoint))('role %s reaches the service with the contract and payload', async (role) => {
      const sub = `SE2321000131-E0000000000${STAFF_ROLES.indexOf(role) + 30}`;
      const res = await call(route, await token([role], sub));
      expect(res.status).toBe(200);
      expect(reached).toEqual([{ ...route.reaches, sub, correlationId: route.reaches.correlationId ?? expect.any(String) }]);
    });

    it('answers 403 to every role outside the table, and to no role at all, without reaching a service', async () => {
      const refused = STAFF_ROLES.filter((r) => !rolesFor(route.endpoint).includes(r));
      for (const roles of [...refused.map((r) => [r]), []]) {
        const res = await call(route, await token(roles));
        expect({ roles, status: res.status, type: res.headers['content-type'] }).toEqual({ roles, status: 403, type: expect.stringMatching(/application\/problem\+json/) });
      }
      expect(reached).toEqual([]);
    });
  });

  describe('bad input', () => {
    /** Each answers 400 with these field pointers among its errors, echoes no number, and reaches nothing. */
    const bad: Array<[string, Endpoint, Pick<Route, 'method' | 'path' | 'body' | 'idempotencyKey'>, string[]]> = [
      ['a completion with a wrong check digit', 'POST /cases/{id}/completion', { method: 'post', path: `/api/v1/cases/${CASE_ID}/completion`, body: { resident: { personnummer: PNR_BAD_CHECK_DIGIT, name: 'Tova Testsson' } } }, ['/resident/personnummer']],
      ['a completion with an unknown field holding a number', 'POST /cases/{id}/completion', { method: 'post', path: `/api/v1/cases/${CASE_ID}/completion`, body: { comment: 'x', personnummer: PNR } }, ['/personnummer']],
      ['paperwork without a received date', 'POST /cases/{id}/paperwork', { method: 'post', path: `/api/v1/cases/${CASE_ID}/paperwork`, body: { receivedAt: 'igår' } }, ['/receivedAt']],
      ['a verification with an unknown outcome', 'POST /cases/{id}/verification', { method: 'post', path: `/api/v1/cases/${CASE_ID}/verification`, body: { outcome: 'MAYBE', calledAt: '2026-11-21T10:00:00Z', note: 'x' } }, ['/outcome']],
      ['a void without a reason', 'POST /cases/{id}/void', { method: 'post', path: `/api/v1/cases/${CASE_ID}/void`, body: {} }, ['/reason']],
      ['a registry reference that is no registry number', 'POST /cases/{id}/registry-reference', { method: 'post', path: `/api/v1/cases/${CASE_ID}/registry-reference`, body: { reference: '<script>' } }, ['/reference']],
      ['a status with a wrong check digit', 'POST /residents/status', { method: 'post', path: '/api/v1/residents/status', body: { personnummer: PNR_BAD_CHECK_DIGIT } }, ['/personnummer']],
      ['a status with the number as a number', 'POST /residents/status', { method: 'post', path: '/api/v1/residents/status', body: { personnummer: Number(PNR) } }, ['/personnummer']],
      ['a status with a second number in an unknown field', 'POST /residents/status', { method: 'post', path: '/api/v1/residents/status', body: { personnummer: PNR, guardian: PNR_INTAKE_SLOW } }, ['/guardian']],
      ['a work-item completion that is half a manual result', 'POST /work-items/{id}/complete', { method: 'post', path: `/api/v1/work-items/${WORK_ITEM_ID}/complete`, body: { result: 'DONE' } }, ['/executedAt', '/observed']],
      ['a work-item filter with an unknown status', 'GET /work-items', { method: 'get', path: '/api/v1/work-items?status=LOST' }, ['/status']],
      ['a work-item filter with an unknown parameter', 'GET /work-items', { method: 'get', path: `/api/v1/work-items?personnummer=${PNR}` }, ['/personnummer']],
      ['a review filter with an unknown state', 'GET /reviews', { method: 'get', path: '/api/v1/reviews?state=closed' }, ['/state']],
      ['an UNLOCK decision without what the unlock case needs', 'POST /reviews/{id}/decision', { method: 'post', path: `/api/v1/reviews/${REVIEW_ID}/decision`, body: { outcome: 'UNLOCK', decision: DECISION }, idempotencyKey: 'k-1' }, ['/patientInformed', '/residentName']],
      ['a decision with a bad decider', 'POST /reviews/{id}/decision', { method: 'post', path: `/api/v1/reviews/${REVIEW_ID}/decision`, body: { outcome: 'KEEP_LOCKED', decision: { ...DECISION, decidedBy: { hsaId: PNR, name: 'x', role: 'CLINICIAN' } } }, idempotencyKey: 'k-2' }, ['/decision/decidedBy/hsaId']],
    ];

    it.each(bad)('%s → 400 with field pointers', async (_label, endpoint, route, pointers) => {
      const res = await call(route, await token([rolesFor(endpoint)[0]]));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('https://accessdesk.se/problems/validation-failed');
      const found = (res.body.errors as Array<{ pointer: string }>).map((e) => e.pointer);
      expect(found).toEqual(expect.arrayContaining(pointers));
      for (const n of [PNR, PNR_BAD_CHECK_DIGIT, PNR_INTAKE_SLOW]) {
        expect(res.text).not.toContain(n);
        expect(res.text).not.toContain(n.slice(2));
      }
      expect(reached).toEqual([]);
    });

    it.each([
      ['POST /cases/{id}/void', 'post', '/api/v1/cases/not-a-case/void', { reason: 'x' }, 'case-not-found'],
      ['POST /cases/{id}/completion', 'post', '/api/v1/cases/1/completion', { comment: 'x' }, 'case-not-found'],
      ['POST /work-items/{id}/complete', 'post', '/api/v1/work-items/123/complete', { resolution: 'RETRY' }, 'work-item-not-found'],
      // UUID-shaped but of no version: the contracts' check refuses it, so the gateway's must too.
      ['POST /cases/{id}/void', 'post', '/api/v1/cases/00000000-0000-0000-0000-000000000001/void', { reason: 'x' }, 'case-not-found'],
      ['POST /reviews/{id}/decision', 'post', `/api/v1/reviews/${PNR}/decision`, { outcome: 'KEEP_LOCKED', decision: DECISION }, 'review-not-found'],
    ] as const)('%s with a malformed id → 404 as for an unknown one', async (endpoint, method, path, body, slug) => {
      const res = await call({ method, path, body, idempotencyKey: 'k-3' }, await token([rolesFor(endpoint)[0]]));
      expect(res.status).toBe(404);
      expect(res.body.type).toBe(`https://accessdesk.se/problems/${slug}`);
      expect(res.text).not.toContain(PNR);
      expect(reached).toEqual([]);
    });

    it('refuses a review decision without an Idempotency-Key, before asking anyone', async () => {
      const res = await call({ method: 'post', path: `/api/v1/reviews/${REVIEW_ID}/decision`, body: { outcome: 'KEEP_LOCKED', decision: DECISION } }, await token(['clinician']));
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('https://accessdesk.se/problems/idempotency-key-required');
      expect(reached).toEqual([]);
    });
  });

  describe('POST /residents/status', () => {
    const status = async (personnummer: string, roles: string[] = ['service_desk']) =>
      call({ method: 'post', path: '/api/v1/residents/status', body: { personnummer } }, await token(roles));

    it.each(rolesFor('POST /residents/status'))('role %s gets intake’s and guardian-block’s parts, asked with the number from the body', async (role) => {
      const res = await status(PNR, [role]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...LOGIN_AND_SEAL, ...GUARDIAN_PART });
      expect(reached.map(({ service, type, payload }) => ({ service, type, payload }))).toEqual(
        expect.arrayContaining([
          { service: 'intake', type: ResidentStatusV1.type, payload: { personnummer: PNR } },
          { service: 'guardian-block', type: GuardianStatusV1.type, payload: { personnummer: PNR } },
        ]),
      );
      expect(reached).toHaveLength(2);
    });

    it('answers 403 to a caller with no role from the table (every role is in it), without reaching a service', async () => {
      const res = await status(PNR, []);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.text).not.toContain(PNR);
      expect(reached).toEqual([]);
    });

    it('answers intake’s part, marked incomplete, when guardian-block does not answer in time', async () => {
      const res = await status(PNR_GUARDIAN_SLOW);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...LOGIN_AND_SEAL, guardianBlocks: [], incomplete: ['guardian-block'] });
    });

    it('answers intake’s part, marked incomplete, when guardian-block fails on its side', async () => {
      const res = await status(PNR_GUARDIAN_FAILS);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...LOGIN_AND_SEAL, guardianBlocks: [], incomplete: ['guardian-block'] });
    });

    it('answers 503 with Retry-After when intake does not answer in time', async () => {
      const res = await status(PNR_INTAKE_SLOW);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(res.text).not.toContain(PNR_INTAKE_SLOW);
    });
  });

  it('documents every new request body and path in OpenAPI', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'CompletionRequest',
        'PaperworkRequest',
        'VerificationRequest',
        'VoidRequest',
        'RegistryReferenceRequest',
        'ResidentStatusRequest',
        'WorkItemCompletionRequest',
        'ReviewDecisionRequest',
        'GuardianBlockRequest',
        'GuardianUnblockRequest',
        'GuardianTaskUpdateRequest',
      ]),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases/{id}/completion',
        '/api/v1/cases/{id}/paperwork',
        '/api/v1/cases/{id}/verification',
        '/api/v1/cases/{id}/void',
        '/api/v1/cases/{id}/registry-reference',
        '/api/v1/residents/status',
        '/api/v1/work-items',
        '/api/v1/work-items/{id}/complete',
        '/api/v1/reviews',
        '/api/v1/reviews/{id}/decision',
      ]),
    );
  });

  it('serves at /docs-json every path, operation, parameter, answer and field it published before: the contract only grows', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    const published = readFileSync(join(__dirname, 'openapi/published-api.txt'), 'utf8').split('\n').filter(Boolean);
    const served = new Set(publishedApi(res.body as OpenAPIObject));
    expect(published.length).toBeGreaterThan(1000);
    expect(published.filter((line) => !served.has(line))).toEqual([]);
  });
});
