import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the seeds' routines add to a case, and the desks' work items. */
export class Routines1732300000800 implements MigrationInterface {
  name = 'Routines1732300000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake.cases
        ADD COLUMN review_id          uuid,
        ADD COLUMN lifts_case_id      uuid,
        ADD COLUMN lifted_by_case_id  uuid,
        ADD COLUMN paperwork_sender   text,
        ADD COLUMN guardian_block_id  uuid,
        ADD COLUMN void_reason        text,
        ADD COLUMN review_outcome     text,
        ADD COLUMN review_unlock_case_id uuid`);
    // R10: the executed, not yet lifted lock of a resident is looked up on every unlock.
    await q.query(`CREATE INDEX cases_resident_type ON intake.cases (resident_personnummer, type, created_at)`);
    await q.query(`CREATE UNIQUE INDEX cases_review ON intake.cases (review_id) WHERE review_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE intake.work_items (
        id             uuid PRIMARY KEY,
        kind           text NOT NULL,
        queue          text NOT NULL,
        status         text NOT NULL,
        region         text NOT NULL,
        case_id        uuid NOT NULL,
        registry_number text NOT NULL,
        action         text,
        action_id      uuid,
        title          text NOT NULL,
        details        jsonb NOT NULL DEFAULT '[]',
        escalated      boolean NOT NULL DEFAULT false,
        subject        jsonb,
        created_at     timestamptz NOT NULL DEFAULT now(),
        completed_at   timestamptz,
        completed_by   text,
        resolution     text,
        CONSTRAINT work_items_minimised CHECK (status = 'OPEN' OR subject IS NULL)
      )`);
    // One open item of a kind per case, and one manual execution per action, however often asked.
    // One open item of a kind per case, but a failed action is one item per action (work_items_action):
    // a guardian block can have a failed unblock open while a second unblock fails too (R7).
    await q.query(`CREATE UNIQUE INDEX work_items_open_kind ON intake.work_items (case_id, kind) WHERE status = 'OPEN' AND kind <> 'FAILED_EXECUTION'`);
    await q.query(`CREATE UNIQUE INDEX work_items_action ON intake.work_items (action_id, kind) WHERE action_id IS NOT NULL`);
    await q.query(`CREATE INDEX work_items_inbox ON intake.work_items (region, queue, status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.work_items`);
    await q.query(`DROP INDEX intake.cases_review`);
    await q.query(`DROP INDEX intake.cases_resident_type`);
    await q.query(`ALTER TABLE intake.cases DROP COLUMN review_id, DROP COLUMN lifts_case_id, DROP COLUMN lifted_by_case_id, DROP COLUMN paperwork_sender, DROP COLUMN guardian_block_id, DROP COLUMN void_reason, DROP COLUMN review_outcome, DROP COLUMN review_unlock_case_id`);
  }
}
