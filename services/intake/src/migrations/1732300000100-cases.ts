import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1732300000100 implements MigrationInterface {
  name = 'Cases1732300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.cases (
        id                     uuid PRIMARY KEY,
        registry_number        text NOT NULL UNIQUE,
        region                 text NOT NULL,
        type                   text NOT NULL,
        status                 text NOT NULL,
        channel                text NOT NULL,
        resident_personnummer  text NOT NULL,
        request                jsonb NOT NULL,
        requested_by           jsonb NOT NULL,
        requesting_unit_hsa_id text NOT NULL,
        outcome                text,
        paperwork              text NOT NULL,
        effects                jsonb NOT NULL DEFAULT '[]',
        advice                 jsonb NOT NULL DEFAULT '[]',
        action_id              uuid,
        feedback_sent_at       timestamptz,
        review_scheduled_at    timestamptz,
        idempotency_owner      text NOT NULL,
        idempotency_key        text NOT NULL,
        request_hash           text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        version                integer NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX cases_idempotency ON intake.cases (idempotency_owner, idempotency_key)`);
    await q.query(`CREATE INDEX cases_resident ON intake.cases (resident_personnummer)`);
    await q.query(`
      CREATE TABLE intake.case_timeline (
        seq     bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES intake.cases (id),
        at      timestamptz NOT NULL,
        status  text NOT NULL,
        by      text NOT NULL,
        note    text NOT NULL
      )`);
    await q.query(`CREATE INDEX case_timeline_case ON intake.case_timeline (case_id, seq)`);
    // R6: registry numbers run per region and year.
    await q.query(`
      CREATE TABLE intake.registry_counters (
        region text NOT NULL,
        year   integer NOT NULL,
        last   integer NOT NULL,
        PRIMARY KEY (region, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.registry_counters`);
    await q.query(`DROP TABLE intake.case_timeline`);
    await q.query(`DROP TABLE intake.cases`);
  }
}
