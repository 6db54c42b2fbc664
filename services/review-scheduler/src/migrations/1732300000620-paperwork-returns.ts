import { MigrationInterface, QueryRunner } from 'typeorm';

/** R12: a chase counts the forms that came back for completion; a returned form does not end it. */
export class PaperworkReturns1732300000620 implements MigrationInterface {
  name = 'PaperworkReturns1732300000620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review_scheduler.paperwork_chases
        ADD COLUMN returns          integer NOT NULL DEFAULT 0,
        ADD COLUMN last_returned_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_scheduler.paperwork_chases DROP COLUMN returns, DROP COLUMN last_returned_at`);
  }
}
