import { Transform, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidationError, validateSync } from 'class-validator';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((c) => `  ${c}`),
    ...describe(e.children ?? []),
  ]);
}

/**
 * Reads a service's configuration from environment variables into its config class and validates
 * it; a bad value stops the boot with one line per problem (DESIGN.md "Running it"). Variables the
 * class does not name are ignored; unset ones keep the class's defaults.
 */
export function loadConfig<T extends object>(cls: new () => T, env: Record<string, string | undefined>): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(cls, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(`invalid configuration:\n${describe(errors).join('\n')}`);
  return config;
}

/** An integer from an environment variable, within bounds. */
export function EnvInt(min: number, max: number): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value))(target, key);
    IsInt({ message: `${String(key)} must be a whole number` })(target, key);
    Min(min, { message: `${String(key)} must be at least ${min}` })(target, key);
    Max(max, { message: `${String(key)} must be at most ${max}` })(target, key);
  };
}

/** What every service reads. Defaults are this machine's local servers (README "Quick start"). */
export class BaseServiceConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/accessdesk';

  @Matches(/^amqps?:\/\/\S+$/, { message: 'AMQP_URL must be an amqp:// URL' })
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

  /** Prepended to every exchange and queue; for test runs only. */
  @IsOptional()
  @Matches(/^[a-z0-9.-]*$/, { message: 'AMQP_PREFIX may hold a-z, 0-9, dot and dash only' })
  AMQP_PREFIX = '';

  @IsString() HTTP_HOST = '127.0.0.1';

  /** R24: the regions and what differs between them (README "Regions"). */
  @IsString() REGIONS_CONFIG_FILE = 'config/regions.json';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], { message: 'LOG_LEVEL must be error, warn, log, debug or verbose' })
  LOG_LEVEL: LogLevelName = 'log';

  /** Bounded waits on the database: a connection that does not open, a statement that does not end, a transaction left idle. */
  @EnvInt(100, 600_000) DB_CONNECT_TIMEOUT_MS = 5_000;
  @EnvInt(100, 3_600_000) DB_STATEMENT_TIMEOUT_MS = 60_000;
  @EnvInt(100, 3_600_000) DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /**
   * How a message whose handler failed waits and comes back (libs/messaging retry.ts): the delays in
   * ms, shortest first (each a delay queue on the broker), and how long a transient failure is retried.
   */
  @Matches(/^\d{2,7}(,\d{2,7}){0,9}$/, { message: 'MESSAGE_RETRY_DELAYS_MS must be up to ten delays in ms, comma-separated, e.g. 1000,5000,15000' })
  MESSAGE_RETRY_DELAYS_MS = '1000,5000,15000,30000,60000';
  @EnvInt(1_000, 7 * 24 * 3_600_000) MESSAGE_RETRY_FOR_MS = 3_600_000;

  /**
   * Requests first (libs/messaging request-priority.ts): an event that arrives while the service is
   * answering requests waits until it is not, at most this long; 0 handles events and requests alike.
   */
  @EnvInt(0, 60_000) EVENT_YIELD_MS = 1_000;
}

export type LogLevelName = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
