import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R10: an action on the login records whose lock the staff tool showed in effect afterwards ("låst
 * på begäran av Region X"): read by the adapter in `http` mode, told by the operator in `manual` mode.
 */
export class LockedByRegion1732300000320 implements MigrationInterface {
  name = 'LockedByRegion1732300000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE execution.actions ADD COLUMN locked_by_region text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE execution.actions DROP COLUMN locked_by_region`);
  }
}
