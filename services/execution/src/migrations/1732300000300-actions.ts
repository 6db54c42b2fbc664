import { MigrationInterface, QueryRunner } from 'typeorm';

export class Actions1732300000300 implements MigrationInterface {
  name = 'Actions1732300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE execution.actions (
        action_id             uuid PRIMARY KEY,
        case_id               uuid NOT NULL,
        registry_number       text NOT NULL,
        region                text NOT NULL,
        action                text NOT NULL,
        mode                  text NOT NULL,
        personnummer          text,
        seal_scope            jsonb,
        guardian_personnummer jsonb,
        status                text NOT NULL,
        outcome               text,
        staff_tool_reference  text,
        detail                text,
        attempts              integer NOT NULL DEFAULT 0,
        next_attempt_at       timestamptz NOT NULL,
        causation_id          uuid NOT NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        completed_at          timestamptz,
        CONSTRAINT actions_minimised CHECK (status = 'PENDING' OR (personnummer IS NULL AND guardian_personnummer IS NULL))
      )`);
    await q.query(`CREATE INDEX actions_due ON execution.actions (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX actions_case ON execution.actions (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE execution.actions`);
  }
}
