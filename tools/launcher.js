// Starts every service and the simulators as child processes from dist/, waits until each answers
// /health/ready, and stops them again. Used by `npm start`, `npm run bench` and the end-to-end tests.
const { spawn } = require('node:child_process');
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
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

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
 * @param {object} options
 * @param {Record<string,string>} [options.env]  added to every service's environment
 * @param {Record<string,Record<string,string>>} [options.serviceEnv]  per service
 * @param {boolean} [options.ephemeralPorts]  pick free ports instead of the defaults (tests)
 * @param {(service: string, line: string) => void} [options.onLine]  every line a service writes
 */
async function startSystem(options = {}) {
  const env = { ...process.env, ...options.env };
  const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accessdesk';
  await ensureDatabase(databaseUrl);

  const ports = {};
  for (const s of SERVICES) ports[s.name] = options.ephemeralPorts ? await freePort() : s.port;
  const smtpPort = options.ephemeralPorts ? await freePort() : Number(env.SIMULATOR_SMTP_PORT ?? 2525);
  const sim = `http://127.0.0.1:${ports.simulators}`;
  const shared = {
    DATABASE_URL: databaseUrl,
    SIMULATOR_SMTP_PORT: String(smtpPort),
    POPULATION_REGISTER_URL: `${sim}/population-register`,
    STAFF_DIRECTORY_URL: `${sim}/staff-directory`,
    STAFF_TOOL_URL: `${sim}/staff-tool`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
  };

  const children = [];
  const stop = async () => {
    for (const { child } of [...children].reverse()) await stopChild(child);
  };
  try {
    for (const s of SERVICES) {
      const childEnv = { ...env, ...shared, [s.portEnv ?? 'HTTP_PORT']: String(ports[s.name]), ...options.serviceEnv?.[s.name] };
      const main = path.join(ROOT, 'dist', 'services', s.name, 'src', 'main.js');
      const child = spawn(process.execPath, ['--enable-source-maps', '-r', path.join(__dirname, 'register-paths.js'), main], {
        cwd: ROOT,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lastLines = [];
      children.push({ name: s.name, child, lastLines });
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          buffered += chunk;
          const lines = buffered.split('\n');
          buffered = lines.pop();
          for (const line of lines) {
            lastLines.push(line);
            if (lastLines.length > 20) lastLines.shift();
            options.onLine?.(s.name, line);
          }
        });
      }
    }
    for (const { name, child } of children) await waitReady(`http://127.0.0.1:${ports[name]}`, child, name);
  } catch (err) {
    // The service that failed, in its own words: its last lines, not the last lines of all of them.
    const failed = children.find(({ name }) => err instanceof Error && err.message.startsWith(`${name} `));
    if (failed && err instanceof Error) err.message += `\n${failed.name}'s last lines:\n${failed.lastLines.join('\n')}`;
    await stop();
    throw err;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    simulatorUrl: sim,
    ports,
    smtpPort,
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

module.exports = { startSystem, SERVICES, QUEUES, ensureDatabase };
