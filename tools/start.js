#!/usr/bin/env node
// `npm start`: every service and the simulators on this machine against the local PostgreSQL and
// RabbitMQ (DATABASE_URL and AMQP_URL override), each line of output prefixed with its service.
const { startSystem } = require('./launcher');
const { ensureDevKeys } = require('./dev-keys');

async function main() {
  await ensureDevKeys();
  const width = 16;
  const system = await startSystem({
    // A service that dies is started again with backoff, as an orchestrator would in production.
    restart: true,
    onLine: (service, line) => process.stdout.write(`${service.padEnd(width)}| ${line}\n`),
  });
  process.stdout.write(
    `\naccessdesk is up: console ${system.consoleUrl}, gateway ${system.gatewayUrl} (OpenAPI ${system.gatewayUrl}/docs), simulators ${system.simulatorUrl}, SMTP sink port ${system.smtpPort}. Ctrl-C stops.\n\n`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('stopping…\n');
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  process.stderr.write(`accessdesk could not start: ${err.message}\n`);
  process.exit(1);
});
