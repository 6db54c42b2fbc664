import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The schema a service's data source was made for (every service owns one). */
export function schemaOf(source: DataSource | EntityManager | QueryRunner): string {
  const options = source instanceof DataSource ? source.options : source.connection.options;
  return (options as { schema?: string }).schema ?? 'public';
}

/** `"schema".table` in that schema, for SQL written by a library that does not know the service. */
export function qualifiedTable(source: DataSource | EntityManager | QueryRunner, table: string): string {
  return `"${schemaOf(source)}"."${table}"`;
}
