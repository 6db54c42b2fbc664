import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deleteTopology } from '@accessdesk/messaging';
import { createTestDatabase } from './test-database';

/* eslint-disable @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries -- the launcher and the key tool are the plain JS scripts under tools/ that `npm start` and `npm run bench` use too */
const launcher = require('../../../tools/launcher') as {
  startSystem(options: {
    env?: Record<string, string>;
    serviceEnv?: Record<string, Record<string, string>>;
    ephemeralPorts?: boolean;
    restart?: boolean;
    onLine?: (service: string, line: string) => void;
    prepare?: (ports: Record<string, number>) => void | Promise<void>;
  }): Promise<{ gatewayUrl: string; consoleUrl: string; simulatorUrl: string; ports: Record<string, number>; smtpPort: number; pid(service: string): number | null; stop(): Promise<void> }>;
  QUEUES: string[];
};
const devKeys = require('../../../tools/dev-keys') as {
  mintToken(claims: { sub: string; name?: string; region: string; roles: string[]; unit?: string; careProvider?: string; ttl?: string }): Promise<string>;
  DEV_ISSUER: string;
  DEV_AUDIENCE: string;
};
/* eslint-enable @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries */

export interface RunningSystem {
  gatewayUrl: string;
  /** The staff console (services/console), signing in at the simulators' development OpenID provider. */
  consoleUrl: string;
  /** The run's own database, for tests that look behind the API (tampering, retention). */
  databaseUrl: string;
  simulatorUrl: string;
  /** This run's broker prefix (`test-…`): tests that put a message on the broker themselves name queues and exchanges with it. */
  amqpPrefix: string;
  /** Every line every service wrote, for assertions on logs. */
  logs: Array<{ service: string; line: string }>;
  /** The queues the services said they consume (`<service>.<purpose>`, without prefix). */
  declaredQueues(): string[];
  /** The process id now running `service`; it changes when the launcher restarts the service. */
  pid(service: string): number | null;
  token(claims: { sub: string; name?: string; region: string; roles: string[]; unit?: string; careProvider?: string; ttl?: string }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole system from `dist/` for one test file: its own database, broker prefix, signing key and
 * ports, so test files never meet. Build first (`npm test` does).
 */
export interface StartTestSystemOptions {
  serviceEnv?: Record<string, Record<string, string>>;
  env?: Record<string, string>;
  restart?: boolean;
}

export async function startTestSystem(options: StartTestSystemOptions = {}): Promise<RunningSystem> {
  const db = await createTestDatabase();
  const keysDir = mkdtempSync(join(tmpdir(), 'accessdesk-keys-'));
  process.env.DEV_KEYS_DIR = keysDir;
  // Mints once so that the key exists before the gateway reads it.
  await devKeys.mintToken({ sub: 'warm-up', region: 'VGR', roles: [] });
  const authConfig = join(keysDir, 'auth.json');
  const logs: RunningSystem['logs'] = [];
  const prefix = `test-${randomBytes(4).toString('hex')}.`;
  let system;
  try {
    system = await launcher.startSystem({
      ephemeralPorts: true,
      env: { DATABASE_URL: db.url, AMQP_PREFIX: prefix, AUTH_CONFIG_FILE: authConfig, LOG_LEVEL: 'debug', ...options.env },
      serviceEnv: options.serviceEnv,
      restart: options.restart,
      onLine: (service, line) => logs.push({ service, line }),
      // The gateway trusts this run's development key and the development OpenID provider on this run's port.
      prepare: (ports) => {
        const provider = `http://127.0.0.1:${ports.simulators}/oidc`;
        writeFileSync(
          authConfig,
          JSON.stringify({
            issuers: [
              { issuer: devKeys.DEV_ISSUER, audience: devKeys.DEV_AUDIENCE, jwksFile: join(keysDir, 'jwks.json') },
              { issuer: provider, audience: devKeys.DEV_AUDIENCE, jwksUrl: `${provider}/jwks` },
            ],
          }),
        );
      },
    });
  } catch (err) {
    await db.drop();
    rmSync(keysDir, { recursive: true, force: true });
    const tail = logs.slice(-30).map((l) => `${l.service}| ${l.line}`).join('\n');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tail}`);
  }
  const running = system;
  return {
    gatewayUrl: running.gatewayUrl,
    consoleUrl: running.consoleUrl,
    databaseUrl: db.url,
    simulatorUrl: running.simulatorUrl,
    amqpPrefix: prefix,
    logs,
    token: (claims) => devKeys.mintToken(claims),
    declaredQueues: () => declaredQueues(logs),
    pid: (service) => running.pid(service),
    async stop() {
      await running.stop();
      // The launcher's list, and whatever else a service declared, so that a run leaves nothing behind.
      await deleteRunTopology(prefix, [...new Set([...launcher.QUEUES, ...declaredQueues(logs)])]);
      await db.drop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

/** A run leaves nothing behind on the broker. */
async function deleteRunTopology(prefix: string, queues: string[]): Promise<void> {
  await deleteTopology(prefix, queues.map((q) => `${prefix}${q}`));
}

/** From the line `Messaging` writes at start: `consuming <queue>, <queue>` (prefixed). */
function declaredQueues(logs: RunningSystem['logs']): string[] {
  const found = new Set<string>();
  for (const { line } of logs) {
    if (!line.includes('"context":"Messaging"')) continue;
    let message: unknown;
    try {
      message = (JSON.parse(line) as { message?: unknown }).message;
    } catch {
      continue;
    }
    if (typeof message !== 'string' || !message.startsWith('consuming ')) continue;
    for (const q of message.slice('consuming '.length).split(', ')) found.add(q.replace(/^test-[0-9a-f]+\./, ''));
  }
  return [...found].sort();
}
