import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `manual` adapter mode (R7): an action may wait for an operator (AWAITING_OPERATOR), and a
 * manual completion records who executed, when, and what the staff tool showed.
 */
export class ManualActions1732300000310 implements MigrationInterface {
  name = 'ManualActions1732300000310';

  async up(q: QueryRunner): Promise<void> {
    // The personnummer is kept while the action is open in either mode and dropped once it is DONE.
    await q.query(`ALTER TABLE execution.actions DROP CONSTRAINT actions_minimised`);
    await q.query(`
      ALTER TABLE execution.actions
        ADD CONSTRAINT actions_minimised CHECK (status <> 'DONE' OR (personnummer IS NULL AND guardian_personnummer IS NULL)),
        ADD CONSTRAINT actions_status CHECK (status IN ('PENDING', 'AWAITING_OPERATOR', 'DONE')),
        ADD CONSTRAINT actions_mode CHECK (mode IN ('http', 'manual')),
        ADD COLUMN executed_by jsonb,
        ADD COLUMN executed_at timestamptz,
        ADD COLUMN observed    text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE execution.actions
        DROP COLUMN observed,
        DROP COLUMN executed_at,
        DROP COLUMN executed_by,
        DROP CONSTRAINT actions_mode,
        DROP CONSTRAINT actions_status,
        DROP CONSTRAINT actions_minimised`);
    await q.query(`ALTER TABLE execution.actions ADD CONSTRAINT actions_minimised CHECK (status = 'PENDING' OR (personnummer IS NULL AND guardian_personnummer IS NULL))`);
  }
}
