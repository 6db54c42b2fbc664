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

/**
 * R23, issue 10: a record commits with the hash of its own content and no lock, and is linked into
 * the chain (`seq`, `prev_hash`, `hash`) shortly after by the service's linker. Until then `seq` is
 * null; `entry_no` orders the records for the linker. The table stays append-only: the one change it
 * allows is that linking, once, of a record that was not linked, leaving everything it says as it was.
 */
export class AuditLinkedAfterCommit1732300000900 implements MigrationInterface {
  name = 'AuditLinkedAfterCommit1732300000900';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".audit_log DROP CONSTRAINT audit_log_pkey`);
    await q.query(`ALTER TABLE "${s}".audit_log ADD COLUMN entry_no bigserial PRIMARY KEY`);
    await q.query(`ALTER TABLE "${s}".audit_log ADD COLUMN content_hash text`);
    await q.query(`ALTER TABLE "${s}".audit_log ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX audit_log_seq ON "${s}".audit_log (seq)`);
    await q.query(`CREATE INDEX audit_log_unlinked ON "${s}".audit_log (entry_no) WHERE seq IS NULL`);
    // A record written before this migration was linked at once and carries no content hash; every
    // record written after it carries one.
    await q.query(`ALTER TABLE "${s}".audit_log ADD CONSTRAINT audit_log_linked_or_hashed CHECK (seq IS NOT NULL OR content_hash IS NOT NULL)`);
    await q.query(`ALTER TABLE "${s}".audit_log ADD CONSTRAINT audit_log_linked_whole CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION "${s}".audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
           AND (NEW.entry_no, NEW.id, NEW.at, NEW.region, NEW.actor, NEW.origin, NEW.action, NEW.case_id, NEW.resident_ref, NEW.detail, NEW.content_hash)
               IS NOT DISTINCT FROM
               (OLD.entry_no, OLD.id, OLD.at, OLD.region, OLD.actor, OLD.origin, OLD.action, OLD.case_id, OLD.resident_ref, OLD.detail, OLD.content_hash) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only (R23)';
      END $$`);
  }

  async down(): Promise<void> {
    // Records written since cannot be told apart from a chain without their links: no way back.
    throw new Error('AuditLinkedAfterCommit1732300000900 cannot be reverted');
  }
}
