// Starts every service and the simulators as child processes from dist/, waits until each answers
// /health/ready, and stops them again. Used by `npm start`, `npm run bench` and the end-to-end tests.
const { spawn } = require('node:child_process');
const { randomInt } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.join(__dirname, '..');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** Start order: the simulators first, the gateway last. Default ports are the README's. */
const SERVICES = [
  { name: 'simulators', port: 4000, portEnv: 'SIMULATOR_HTTP_PORT' },
  { name: 'intake', port: 3001 },
  { name: 'identity-check', port: 3002 },
  { name: 'execution', port: 3003 },
  { name: 'guardian-block', port: 3004 },
  { name: 'notification', port: 3005 },
  { name: 'review-scheduler', port: 3006 },
  { name: 'gateway', port: 3000 },
  { name: 'console', port: 3007 },
];

/** Where the kernel's ephemeral range starts: ports outgoing connections are given (Linux's default 32768). */
function ephemeralRangeStart() {
  try {
    const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) ? low : 32768;
  } catch {
    return 32768;
  }
}

function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const LOWEST_TEST_PORT = 10_000;

/**
 * A port nobody listens on, below the ephemeral range. A port the kernel hands out for `listen(0)` comes
 * from that range, and an outgoing connection (to PostgreSQL, RabbitMQ, SMTP) could take it between
 * this check and the service's own listen: that happened (EADDRINUSE at start). Below the range only
 * another listener can, and `taken` keeps one start from handing the same port out twice.
 */
async function freePort(taken) {
  const end = ephemeralRangeStart();
  for (let attempt = 0; end - LOWEST_TEST_PORT > 1000 && attempt < 50; attempt++) {
    const port = LOWEST_TEST_PORT + randomInt(end - LOWEST_TEST_PORT);
    if (!taken.has(port) && (await canListen(port))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port found between ${LOWEST_TEST_PORT} and ${end}`);
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/accessdesk';
/** duplicate_database, or the unique index on pg_database when two CREATE DATABASE race. */
const DATABASE_EXISTS = new Set(['42P04', '23505']);

/** Creates the database named in `databaseUrl` when it does not exist yet. */
async function ensureDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (err) {
    // Services started side by side (`nx run-many -t serve`) may race to create it: one wins, and it exists.
    if (!DATABASE_EXISTS.has(err.code)) throw err;
  } finally {
    await client.end();
  }
}

async function waitReady(url, child, name) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} during start`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS} ms`);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The environment a service runs with: `env`, then where the database, the simulators and the SMTP
 * sink are, then its own port. `startSystem` and `nx serve` (tools/serve.js) both start services with it.
 */
function serviceEnv(service, { env, databaseUrl, ports, smtpPort }) {
  const sim = `http://127.0.0.1:${ports.simulators}`;
  const consoleUrl = `http://127.0.0.1:${ports.console}`;
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    SIMULATOR_SMTP_PORT: String(smtpPort),
    POPULATION_REGISTER_URL: `${sim}/population-register`,
    STAFF_DIRECTORY_URL: `${sim}/staff-directory`,
    STAFF_TOOL_URL: `${sim}/staff-tool`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    // The console signs staff in at the simulators' development OpenID provider and calls the gateway.
    OIDC_ISSUER: `${sim}/oidc`,
    OIDC_CONSOLE_REDIRECT_URI: `${consoleUrl}/auth/callback`,
    OIDC_CONSOLE_POST_LOGOUT_REDIRECT_URI: `${consoleUrl}/utloggad`,
    CONSOLE_PUBLIC_URL: consoleUrl,
    GATEWAY_URL: `http://127.0.0.1:${ports.gateway}`,
    [service.portEnv ?? 'HTTP_PORT']: String(ports[service.name]),
  };
}

/** Node's arguments that run a service from dist/, with source maps and the @accessdesk/* aliases. */
function serviceArgs(name) {
  const main = path.join(ROOT, 'dist', 'services', name, 'src', 'main.js');
  // SERVICE_NODE_ARGS adds Node options that NODE_OPTIONS refuses, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // to profile each service of a bench run (README "Benchmark").
  const extra = (process.env.SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  return [...extra, '--enable-source-maps', '-r', path.join(__dirname, 'register-paths.js'), main];
}

/** `npm start` restarts a service that died, after 1 s, 2 s, 4 s … at most 30 s between tries. */
const RESTART_FIRST_DELAY_MS = 1_000;
const RESTART_MAX_DELAY_MS = 30_000;
/** A service that ran this long before it died starts again from the first delay. */
const RESTART_RESET_AFTER_MS = 60_000;

/** The delay before restart number `attempt` (1, 2, …): doubling from the first delay, capped. */
function restartDelayMs(attempt) {
  return Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * @param {object} options
 * @param {Record<string,string>} [options.env]  added to every service's environment
 * @param {Record<string,Record<string,string>>} [options.serviceEnv]  per service
 * @param {boolean} [options.ephemeralPorts]  pick free ports below the ephemeral range instead of the defaults (tests, benchmark)
 * @param {boolean} [options.restart]  once the system is up, start a service that exits again, with backoff (as an orchestrator would)
 * @param {(service: string, line: string) => void} [options.onLine]  every line a service writes, and the launcher's own about it
 * @param {(ports: Record<string, number>) => void | Promise<void>} [options.prepare]  once the ports are chosen, before any service starts (a test writes the gateway's trusted issuers)
 */
async function startSystem(options = {}) {
  const env = { ...process.env, ...options.env };
  const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await ensureDatabase(databaseUrl);

  const ports = {};
  const taken = new Set();
  for (const s of SERVICES) ports[s.name] = options.ephemeralPorts ? await freePort(taken) : s.port;
  const smtpPort = options.ephemeralPorts ? await freePort(taken) : Number(env.SIMULATOR_SMTP_PORT ?? 2525);
  const sim = `http://127.0.0.1:${ports.simulators}`;
  await options.prepare?.(ports);

  /** One entry per service; `child` is the process now running it (a restart replaces it). */
  const entries = [];
  let up = false;
  let stopping = false;
  const say = (name, line) => options.onLine?.(name, `[launcher] ${line}`);

  const spawnChild = (entry) => {
    const s = entry.service;
    const childEnv = { ...serviceEnv(s, { env, databaseUrl, ports, smtpPort }), ...options.serviceEnv?.[s.name] };
    const child = spawn(process.execPath, serviceArgs(s.name), {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    entry.startedAt = Date.now();
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop();
        for (const line of lines) {
          entry.lastLines.push(line);
          if (entry.lastLines.length > 20) entry.lastLines.shift();
          options.onLine?.(s.name, line);
        }
      });
    }
    child.once('exit', (code, signal) => {
      if (stopping || !up || !options.restart || entry.child !== child) return;
      if (Date.now() - entry.startedAt >= RESTART_RESET_AFTER_MS) entry.attempt = 0;
      entry.attempt += 1;
      entry.restarts += 1;
      const delay = restartDelayMs(entry.attempt);
      say(s.name, `exited (${signal ? `signal ${signal}` : `code ${code}`}); restart ${entry.restarts} in ${delay} ms`);
      entry.timer = setTimeout(() => {
        entry.timer = null;
        if (stopping) return;
        spawnChild(entry);
        say(s.name, `restarted as pid ${entry.child.pid}`);
      }, delay);
    });
  };

  const stop = async () => {
    stopping = true;
    for (const entry of [...entries].reverse()) {
      if (entry.timer) clearTimeout(entry.timer);
      await stopChild(entry.child);
    }
  };
  try {
    for (const s of SERVICES) {
      const entry = { service: s, name: s.name, child: null, lastLines: [], startedAt: 0, attempt: 0, restarts: 0, timer: null };
      entries.push(entry);
      spawnChild(entry);
    }
    for (const { name, child } of entries) await waitReady(`http://127.0.0.1:${ports[name]}`, child, name);
    up = true;
  } catch (err) {
    // The service that failed, in its own words: its last lines, not the last lines of all of them.
    const failed = entries.find(({ name }) => err instanceof Error && err.message.startsWith(`${name} `));
    if (failed && err instanceof Error) err.message += `\n${failed.name}'s last lines:\n${failed.lastLines.join('\n')}`;
    await stop();
    throw err;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    consoleUrl: `http://127.0.0.1:${ports.console}`,
    simulatorUrl: sim,
    ports,
    smtpPort,
    /** The process id now running `service` (it changes when the service is restarted). */
    pid: (service) => entries.find((e) => e.name === service)?.child?.pid ?? null,
    stop,
  };
}

/** Every queue the services declare (dead-letter queues are `<queue>.dlq`), for cleaning up a run. */
const QUEUES = [
  'intake.rpc',
  'intake.events',
  'identity-check.rpc',
  'identity-check.events',
  'execution.commands',
  'guardian-block.rpc',
  'guardian-block.events',
  'notification.events',
  'review-scheduler.rpc',
  'review-scheduler.events',
];

module.exports = { startSystem, SERVICES, QUEUES, DEFAULT_DATABASE_URL, ensureDatabase, serviceEnv, serviceArgs, restartDelayMs };
