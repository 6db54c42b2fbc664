import type { SimulatorsOptions } from './simulators';

// The environment the simulators read at start. A bad value stops the boot with a message naming it.

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readSimulatorsConfig(env: NodeJS.ProcessEnv): SimulatorsOptions {
  const problems: string[] = [];
  const number = (name: string, fallback: number, min: number, max: number, integer: boolean): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      problems.push(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not ${JSON.stringify(raw)}`);
    }
    return value;
  };
  const config: SimulatorsOptions = {
    host: env.SIMULATOR_HOST?.trim() || '127.0.0.1',
    httpPort: number('SIMULATOR_HTTP_PORT', 4000, 0, 65535, true),
    smtpPort: number('SIMULATOR_SMTP_PORT', 2525, 0, 65535, true),
    fixturesPath: env.SIMULATOR_FIXTURES?.trim() || undefined,
    smtpKeep: number('SIMULATOR_SMTP_KEEP', 1000, 1, 1_000_000, true),
    staffToolKnobs: {
      latencyMs: number('STAFF_TOOL_LATENCY_MS', 0, 0, 60_000, true),
      failureRate: number('STAFF_TOOL_FAILURE_RATE', 0, 0, 1, false),
    },
  };
  if (problems.length > 0) throw new ConfigError(`Invalid simulator configuration: ${problems.join('; ')}`);
  return config;
}
