import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R18–R20 blockera vårdnadshavare: the register of guardian-block cases. The routines that fill it
 * (block, unblock, follow-up tasks) are built on this table by the routines issue.
 */
export class GuardianBlocks1732300000400 implements MigrationInterface {
  name = 'GuardianBlocks1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE guardian_block.guardian_blocks (
        id                    uuid PRIMARY KEY,
        registry_number       text NOT NULL UNIQUE,
        region                text NOT NULL,
        status                text NOT NULL,
        child_personnummer    text NOT NULL,
        urgent                boolean NOT NULL DEFAULT false,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE guardian_block.guardian_blocks`);
  }
}
