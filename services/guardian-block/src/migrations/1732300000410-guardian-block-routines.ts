import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R18–R20 blockera vårdnadshavare: what the routines need on top of the register of 1732300000400
 * (still empty when this runs, so its new columns can be NOT NULL without defaults): the request,
 * the guardians and whether each is blocked, the linked lock of the child (R18), the EHR note, the
 * timeline, the follow-up tasks, the unblocks (R19), and the registry counter per region and year.
 */
export class GuardianBlockRoutines1732300000410 implements MigrationInterface {
  name = 'GuardianBlockRoutines1732300000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE guardian_block.guardian_blocks
        ADD COLUMN channel                     text NOT NULL,
        ADD COLUMN request                     jsonb NOT NULL,
        ADD COLUMN requested_by                jsonb NOT NULL,
        ADD COLUMN requesting_unit_hsa_id      text NOT NULL,
        ADD COLUMN guardians                   jsonb NOT NULL,
        ADD COLUMN ehr_note                    text NOT NULL,
        ADD COLUMN effects                     jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN outcome                     text,
        ADD COLUMN action_id                   uuid,
        ADD COLUMN linked_lock_case_id         uuid,
        ADD COLUMN linked_lock_registry_number text,
        ADD COLUMN confirmation_sent_at        timestamptz,
        ADD COLUMN idempotency_owner           text NOT NULL,
        ADD COLUMN idempotency_key             text NOT NULL,
        ADD COLUMN request_hash                text NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX guardian_blocks_idempotency ON guardian_block.guardian_blocks (idempotency_owner, idempotency_key)`);
    await q.query(`CREATE INDEX guardian_blocks_child ON guardian_block.guardian_blocks (child_personnummer, region)`);
    await q.query(`
      CREATE TABLE guardian_block.guardian_block_timeline (
        seq               bigserial PRIMARY KEY,
        guardian_block_id uuid NOT NULL REFERENCES guardian_block.guardian_blocks (id),
        at                timestamptz NOT NULL,
        status            text NOT NULL,
        by                text NOT NULL,
        note              text NOT NULL
      )`);
    await q.query(`CREATE INDEX guardian_block_timeline_block ON guardian_block.guardian_block_timeline (guardian_block_id, seq)`);
    await q.query(`
      CREATE TABLE guardian_block.guardian_block_tasks (
        id                uuid PRIMARY KEY,
        guardian_block_id uuid NOT NULL REFERENCES guardian_block.guardian_blocks (id),
        position          integer NOT NULL,
        kind              text NOT NULL,
        title             text NOT NULL,
        status            text NOT NULL,
        done_at           timestamptz,
        done_by           text,
        note              text,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX guardian_block_tasks_block ON guardian_block.guardian_block_tasks (guardian_block_id, position)`);
    // R19: a block may be lifted for one guardian now and the other later, so unblocks are rows of their own.
    await q.query(`
      CREATE TABLE guardian_block.guardian_block_unblocks (
        id                   uuid PRIMARY KEY,
        guardian_block_id    uuid NOT NULL REFERENCES guardian_block.guardian_blocks (id),
        action_id            uuid NOT NULL UNIQUE,
        request              jsonb NOT NULL,
        guardians            jsonb NOT NULL,
        ehr_note             text NOT NULL,
        requested_by         jsonb NOT NULL,
        requested_at         timestamptz NOT NULL,
        outcome              text,
        completed_at         timestamptz,
        confirmation_sent_at timestamptz,
        idempotency_owner    text NOT NULL,
        idempotency_key      text NOT NULL,
        request_hash         text NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX guardian_block_unblocks_idempotency ON guardian_block.guardian_block_unblocks (idempotency_owner, idempotency_key)`);
    await q.query(`CREATE INDEX guardian_block_unblocks_block ON guardian_block.guardian_block_unblocks (guardian_block_id, requested_at)`);
    // Registry numbers run per region and year, apart from intake's (prefix VB in the number).
    await q.query(`
      CREATE TABLE guardian_block.registry_counters (
        region text NOT NULL,
        year   integer NOT NULL,
        last   integer NOT NULL,
        PRIMARY KEY (region, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE guardian_block.registry_counters`);
    await q.query(`DROP TABLE guardian_block.guardian_block_unblocks`);
    await q.query(`DROP TABLE guardian_block.guardian_block_tasks`);
    await q.query(`DROP TABLE guardian_block.guardian_block_timeline`);
    await q.query(`DROP INDEX guardian_block.guardian_blocks_child`);
    await q.query(`DROP INDEX guardian_block.guardian_blocks_idempotency`);
    await q.query(`
      ALTER TABLE guardian_block.guardian_blocks
        DROP COLUMN channel, DROP COLUMN request, DROP COLUMN requested_by, DROP COLUMN requesting_unit_hsa_id,
        DROP COLUMN guardians, DROP COLUMN ehr_note, DROP COLUMN effects, DROP COLUMN outcome, DROP COLUMN action_id,
        DROP COLUMN linked_lock_case_id, DROP COLUMN linked_lock_registry_number, DROP COLUMN confirmation_sent_at,
        DROP COLUMN idempotency_owner, DROP COLUMN idempotency_key, DROP COLUMN request_hash`);
  }
}
