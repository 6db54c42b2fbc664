import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reviews1732300000600 implements MigrationInterface {
  name = 'Reviews1732300000600';

  async up(q: QueryRunner): Promise<void> {
    // reminded_at and escalated_at are for the reminder and escalation worker (R9): it will look for
    // SCHEDULED reviews by due date, hence the partial index.
    await q.query(`
      CREATE TABLE review_scheduler.reviews (
        id                     uuid PRIMARY KEY,
        case_id                uuid NOT NULL UNIQUE,
        region                 text NOT NULL,
        registry_number        text NOT NULL,
        requesting_unit_hsa_id text NOT NULL,
        head_email             text NOT NULL,
        decided_by_hsa_id      text NOT NULL,
        executed_at            timestamptz NOT NULL,
        due_at                 timestamptz NOT NULL,
        status                 text NOT NULL,
        reminded_at            timestamptz,
        escalated_at           timestamptz,
        created_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reviews_due ON review_scheduler.reviews (due_at) WHERE status = 'SCHEDULED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_scheduler.reviews`);
  }
}
