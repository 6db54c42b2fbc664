import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: `GET /cases` reads a region's (or a unit's) cases newest first by keyset on
 * (created_at, id). (The desk's inbox pages on work_items_inbox, which it has had since 800.)
 */
export class CaseLists1732300000850 implements MigrationInterface {
  name = 'CaseLists1732300000850';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_region_created ON intake.cases (region, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_unit_created ON intake.cases (region, requesting_unit_hsa_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.cases_unit_created`);
    await q.query(`DROP INDEX intake.cases_region_created`);
  }
}
