import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R9 reminders, escalations and decisions of reviews; R12 chases of an emergency lock's missing form.
 * `next_due_at` is when a row's next step is due; the worker claims rows by status and it.
 */
export class RemindersAndPaperworkChases1732300000610 implements MigrationInterface {
  name = 'RemindersAndPaperworkChases1732300000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review_scheduler.reviews
        ADD COLUMN requesting_unit_name text,
        ADD COLUMN requester_email      text,
        ADD COLUMN escalation_due_at    timestamptz,
        ADD COLUMN next_due_at          timestamptz,
        ADD COLUMN causation_id         text,
        ADD COLUMN outcome              text,
        ADD COLUMN decided_at           timestamptz,
        ADD COLUMN decided_by           text,
        ADD COLUMN unlock_case_id       uuid`);
    // Reviews scheduled before this migration: the unit's name was not kept, so its HSA-id stands in;
    // their escalation date is left empty and worked out from the region when the reminder goes.
    await q.query(`
      UPDATE review_scheduler.reviews
         SET requesting_unit_name = requesting_unit_hsa_id, next_due_at = due_at, causation_id = id::text`);
    await q.query(`
      ALTER TABLE review_scheduler.reviews
        ALTER COLUMN requesting_unit_name SET NOT NULL,
        ALTER COLUMN next_due_at SET NOT NULL,
        ALTER COLUMN causation_id SET NOT NULL,
        ADD CONSTRAINT reviews_status CHECK (status IN ('SCHEDULED', 'REMINDED', 'ESCALATED', 'DECIDED', 'LIFTED')),
        ADD CONSTRAINT reviews_outcome CHECK (outcome IN ('KEEP_LOCKED', 'UNLOCK')),
        ADD CONSTRAINT reviews_decided CHECK ((status = 'DECIDED') = (outcome IS NOT NULL AND decided_at IS NOT NULL))`);
    await q.query(`DROP INDEX review_scheduler.reviews_due`);
    await q.query(`CREATE INDEX reviews_next_due ON review_scheduler.reviews (status, next_due_at) WHERE status IN ('SCHEDULED', 'REMINDED')`);
    // ListReviewsV1: one unit's reviews in its region, by due date.
    await q.query(`CREATE INDEX reviews_of_unit ON review_scheduler.reviews (region, requesting_unit_hsa_id, due_at)`);

    // A chase row may come from the form's arrival alone (RECEIVED before PENDING, out of order):
    // then what the pending event carries is unknown, hence nullable, and required otherwise.
    await q.query(`
      CREATE TABLE review_scheduler.paperwork_chases (
        id                     uuid PRIMARY KEY,
        case_id                uuid NOT NULL UNIQUE,
        region                 text NOT NULL,
        status                 text NOT NULL CHECK (status IN ('PENDING', 'REMINDED', 'ESCALATED', 'RECEIVED', 'WAIVED')),
        registry_number        text,
        sender                 text CHECK (sender IN ('STAFF', 'RESIDENT')),
        requesting_unit_hsa_id text,
        requesting_unit_name   text,
        head_email             text,
        pending_since          timestamptz,
        reminder_due_at        timestamptz,
        escalation_due_at      timestamptz,
        next_due_at            timestamptz NOT NULL,
        reminded_at            timestamptz,
        escalated_at           timestamptz,
        ended_at               timestamptz,
        causation_id           text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT paperwork_chases_pending_known CHECK (
          status IN ('RECEIVED', 'WAIVED') OR (
            registry_number IS NOT NULL AND sender IS NOT NULL AND requesting_unit_hsa_id IS NOT NULL
            AND requesting_unit_name IS NOT NULL AND head_email IS NOT NULL AND pending_since IS NOT NULL
            AND reminder_due_at IS NOT NULL AND escalation_due_at IS NOT NULL)),
        CONSTRAINT paperwork_chases_ended CHECK ((status IN ('RECEIVED', 'WAIVED')) = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX paperwork_chases_next_due ON review_scheduler.paperwork_chases (status, next_due_at) WHERE status IN ('PENDING', 'REMINDED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_scheduler.paperwork_chases`);
    await q.query(`DROP INDEX review_scheduler.reviews_of_unit`);
    await q.query(`DROP INDEX review_scheduler.reviews_next_due`);
    await q.query(`CREATE INDEX reviews_due ON review_scheduler.reviews (due_at) WHERE status = 'SCHEDULED'`);
    await q.query(`
      ALTER TABLE review_scheduler.reviews
        DROP CONSTRAINT reviews_decided,
        DROP CONSTRAINT reviews_outcome,
        DROP CONSTRAINT reviews_status,
        DROP COLUMN requesting_unit_name,
        DROP COLUMN requester_email,
        DROP COLUMN escalation_due_at,
        DROP COLUMN next_due_at,
        DROP COLUMN causation_id,
        DROP COLUMN outcome,
        DROP COLUMN decided_at,
        DROP COLUMN decided_by,
        DROP COLUMN unlock_case_id`);
  }
}
