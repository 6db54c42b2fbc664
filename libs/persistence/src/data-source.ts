import { DataSource, EntitySchema, LoggerOptions, MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** The schema the service owns; every table of the service lives in it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: MixedList<Function | string>;
  poolSize?: number;
  logging?: LoggerOptions;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`schema name "${options.schema}" is not a plain lower-case identifier`);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    // Tables are created and changed by migrations only, run at start.
    synchronize: false,
    migrationsRun: false,
    logging: options.logging ?? false,
    extra: { max: options.poolSize ?? 10, application_name: `accessdesk-${options.schema}` },
  });
}

/**
 * Connects and applies pending migrations. An advisory lock per schema makes instances that start
 * together take turns, so a migration never runs twice.
 */
export async function initializeAndMigrate(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = (dataSource.options as { schema: string }).schema;
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`accessdesk:migrate:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`accessdesk:migrate:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}

/** True when the database answers a trivial query (readiness). */
export async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
