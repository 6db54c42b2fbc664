#!/usr/bin/env node
// `nx serve <service>`: one service in development, run from dist/ by `node --watch`, which starts it
// again whenever the compiler rewrites a file it loaded. The compiler is `nx run accessdesk:watch`
// (tsc --watch into dist/), which the serve target depends on; `nx run-many -t serve` shares one.
// The service gets the environment `npm start` gives it (tools/launcher.js): the README's ports, the
// local PostgreSQL and RabbitMQ (DATABASE_URL and AMQP_URL override), the simulators on port 4000.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { SERVICES, DEFAULT_DATABASE_URL, ensureDatabase, serviceEnv, serviceArgs } = require('./launcher');
const { ensureDevKeys } = require('./dev-keys');

/** The compiler's first pass writes all of dist/; a service waits for it rather than start stale code. */
const FIRST_COMPILE_TIMEOUT_MS = 180_000;
const POLL_MS = 250;

/** Resolves once `file` has been written at or after `since` (ms since the epoch). */
async function waitForCompile(file, since) {
  const deadline = Date.now() + FIRST_COMPILE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs >= since) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `${path.relative(process.cwd(), file)} was not compiled within ${FIRST_COMPILE_TIMEOUT_MS / 1000} s; ` +
      'the serve target depends on `accessdesk:watch` (tsc --watch), so start it with `npx nx serve <service>`',
  );
}

async function main() {
  const startedAt = Date.now();
  const name = process.argv[2];
  const service = SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`usage: node tools/serve.js <${SERVICES.map((s) => s.name).join('|')}>`);

  const env = process.env;
  const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const ports = Object.fromEntries(SERVICES.map((s) => [s.name, s.port]));
  const smtpPort = Number(env.SIMULATOR_SMTP_PORT ?? 2525);
  if (service.name !== 'simulators') await ensureDatabase(databaseUrl);
  // config/auth.development.json trusts the development key; only the gateway reads it.
  if (service.name === 'gateway') await ensureDevKeys();

  const args = serviceArgs(service.name);
  await waitForCompile(args[args.length - 1], startedAt);

  // --watch-preserve-output: a restart does not clear the terminal the other services write to too.
  const child = spawn(process.execPath, ['--watch', '--watch-preserve-output', ...args], {
    cwd: path.join(__dirname, '..'),
    env: serviceEnv(service, { env, databaseUrl, ports, smtpPort }),
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  process.stderr.write(`serve: ${err.message}\n`);
  process.exit(1);
});
