import { mkdtempSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { GetCaseV1 } from '@accessdesk/contracts';
import { DEFAULT_AMQP_URL, Messaging, MessagingLogger, answer, deleteTopology, testPrefix } from '@accessdesk/messaging';
import { loadConfig } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway.config';
import { configureHttp } from './http/configure-http';

const ISSUER = 'https://issuer.shutdown-test';
const AUDIENCE = 'accessdesk-api';
const CASE_ID = '3e2c8d0a-8c1f-4f5e-9a44-1c9d2b7e5f02';
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
/** How long the stand-in intake takes to answer: long enough to stop the gateway meanwhile. */
const INTAKE_ANSWERS_AFTER_MS = 1_000;

/**
 * On SIGTERM (Nest's `close()`), the gateway stops taking requests and lets those in flight get their
 * answer before it closes messaging (issue "Faults never leave a case stuck or wrong", item 4). Before,
 * messaging closed first and a request in flight was answered 503 though intake had done its work.
 */
describe('gateway: readiness says why, and stopping drains requests in flight before messaging closes', () => {
  let gateway: INestApplication;
  let intake: Messaging;
  let prefix: string;
  let bearer: string;
  let answered = 0;
  let reachedIntake: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (reachedIntake = resolve));

  beforeAll(async () => {
    prefix = testPrefix();
    const pair = await generateKeyPair('ES256', { extractable: true });
    const dir = mkdtempSync(join(tmpdir(), 'gateway-shutdown-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'sd-1', alg: 'ES256' }] }));
    writeFileSync(join(dir, 'auth.json'), JSON.stringify({ issuers: [{ issuer: ISSUER, audience: AUDIENCE, jwksFile: join(dir, 'jwks.json') }] }));
    bearer = await new SignJWT({ name: 'Desk', region: 'VGR', roles: ['service_desk'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'sd-1' })
      .setSubject('SE2321000131-E000000000013')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(pair.privateKey);

    intake = new Messaging({ url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL, service: 'intake', prefix, logger: quiet });
    intake.serve([
      answer(GetCaseV1, async () => {
        reachedIntake();
        await sleep(INTAKE_ANSWERS_AFTER_MS); // the stand-in's own slowness, not a wait in the test
        answered += 1;
        return { ok: false, problem: { type: 'https://accessdesk.se/problems/case-not-found', title: 'Case not found', status: 404 } };
      }),
    ]);
    await intake.start();

    const config = loadConfig(GatewayConfig, {
      AMQP_PREFIX: prefix,
      RPC_TIMEOUT_MS: '5000',
      HTTP_PORT: '0',
      AUTH_CONFIG_FILE: join(dir, 'auth.json'),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    gateway = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: false });
    configureHttp(gateway as NestExpressApplication, config);
    await gateway.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await intake?.close();
    await deleteTopology(prefix, [`${prefix}intake.rpc`]);
  });

  it('is not ready while the broker blocks publishing, and says why; ready again once unblocked', async () => {
    const ready = () => fetch(`http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}/health/ready`);
    expect((await ready()).status).toBe(200);
    const connection = gateway.get(Messaging).amqpConnection.current!;
    // What the broker sends on a memory or disk alarm (connection.blocked).
    connection.emit('blocked', 'low on memory');
    const blocked = await ready();
    expect(blocked.status).toBe(503);
    expect(JSON.stringify(await blocked.json())).toContain('down: low on memory');
    connection.emit('unblocked');
    expect((await ready()).status).toBe(200);
  });

  it('answers the request in flight with the service’s answer, refuses new connections, then stops', async () => {
    const url = `http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}/api/v1/cases/${CASE_ID}`;
    const inFlight = fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
    // The request has reached intake (which takes its time) before the gateway is told to stop.
    await reached;
    expect(answered).toBe(0);
    const stopping = gateway.close();

    const response = await inFlight;
    expect(response.status).toBe(404);
    expect(answered).toBe(1);
    await expect(fetch(url, { headers: { authorization: `Bearer ${bearer}` } })).rejects.toThrow();
    await stopping;
  });
});
