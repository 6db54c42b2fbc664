import { resolve } from 'node:path';
import { FixturesError, defaultFixturesPath } from './fixtures/fixtures';
import { RunningSimulators, startSimulators } from './simulators';
import { ConfigError, readSimulatorsConfig } from './simulators.config';
import { readDevOidcConfig } from './oidc/dev-oidc.config';

// Past this, a shutdown that hangs is cut short.
const SHUTDOWN_GRACE_MS = 10_000;

/** One JSON line, in the fields of Nest's JSON logger, which writes the simulators' other lines. */
function logLine(stream: NodeJS.WriteStream, entry: { level: 'log' | 'error'; message: string } & Record<string, unknown>): void {
  stream.write(`${JSON.stringify({ pid: process.pid, timestamp: Date.now(), context: 'Simulators', service: 'simulators', ...entry })}\n`);
}

async function main(): Promise<void> {
  const config = readSimulatorsConfig(process.env);
  const fixturesPath = config.fixturesPath ? resolve(config.fixturesPath) : defaultFixturesPath();
  const oidc = readDevOidcConfig(process.env, config.httpPort);
  const simulators = await startSimulators({ ...config, fixturesPath, oidc, logLevels: ['error', 'warn'] });
  logLine(process.stdout, {
    level: 'log',
    message: 'simulators started',
    httpUrl: simulators.httpUrl,
    smtpPort: simulators.smtpPort,
    fixtures: fixturesPath,
    staffToolKnobs: config.staffToolKnobs,
    oidcIssuer: oidc?.issuer ?? null,
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(simulators, signal));
}

let stopping = false;
async function stop(simulators: RunningSimulators, signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    logLine(process.stderr, { level: 'error', message: 'shutdown took too long; exiting' });
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  try {
    await simulators.close();
    logLine(process.stdout, { level: 'log', message: 'simulators stopped', signal });
  } catch (error) {
    logLine(process.stderr, { level: 'error', message: 'shutdown failed', error: String(error) });
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof FixturesError;
  logLine(process.stderr, {
    level: 'error',
    message: known ? error.message : 'simulators failed to start',
    ...(known ? {} : { error: error instanceof Error ? error.message : String(error) }),
  });
  process.exitCode = 1;
});
