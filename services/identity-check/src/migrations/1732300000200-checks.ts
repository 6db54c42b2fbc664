import { MigrationInterface, QueryRunner } from 'typeorm';

export class Checks1732300000200 implements MigrationInterface {
  name = 'Checks1732300000200';

  async up(q: QueryRunner): Promise<void> {
    // One row per case: a case returned for completion and filed again is checked again, and the
    // row holds the latest result. No personnummer, no name (data minimisation).
    await q.query(`
      CREATE TABLE identity_check.checks (
        case_id              uuid PRIMARY KEY,
        region               text NOT NULL,
        registry_number      text NOT NULL,
        verdict              text NOT NULL,
        findings             jsonb NOT NULL,
        resident_facts       jsonb NOT NULL,
        signer_care_provider text,
        message_id           uuid NOT NULL,
        checked_at           timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_check.checks`);
  }
}
