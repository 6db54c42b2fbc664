import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@accessdesk/persistence';

/**
 * R23: the audit trail, in the schema of the service that includes this migration. Rows are
 * hash-chained (`prev_hash` → `hash`) and the table refuses UPDATE, DELETE and TRUNCATE: nothing in
 * the application can change a record, and a change made around it shows in `verifyAuditChain`.
 */
export class AuditLogTable1732300000700 implements MigrationInterface {
  name = 'AuditLogTable1732300000700';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}".audit_log (
        seq          bigint PRIMARY KEY,
        id           uuid NOT NULL UNIQUE,
        at           timestamptz NOT NULL,
        region       text NOT NULL,
        actor        jsonb NOT NULL,
        origin       text,
        action       text NOT NULL,
        case_id      uuid,
        resident_ref text,
        detail       text,
        prev_hash    text NOT NULL,
        hash         text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_case ON "${s}".audit_log (case_id, seq)`);
    await q.query(`CREATE INDEX audit_log_resident ON "${s}".audit_log (resident_ref, seq)`);
    await q.query(`
      CREATE FUNCTION "${s}".audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (R23)';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "${s}".audit_log
                   FOR EACH ROW EXECUTE FUNCTION "${s}".audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "${s}".audit_log
                   FOR EACH STATEMENT EXECUTE FUNCTION "${s}".audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}".audit_log`);
    await q.query(`DROP FUNCTION "${s}".audit_log_append_only()`);
  }
}
