import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 points 7 and 9: a case carries the resident's protected identity (skyddad identitet), its
 * registry category (R6, 000 §6.7) and the region's own registry reference (e.g. a Plexus number);
 * a timeline step keeps the free text it quotes apart, so that it can be withheld.
 */
export class ProtectedIdentityAndRegistry1732300000840 implements MigrationInterface {
  name = 'ProtectedIdentityAndRegistry1732300000840';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake.cases
        ADD COLUMN protected_identity boolean NOT NULL DEFAULT false,
        ADD COLUMN registry_category  jsonb,
        ADD COLUMN registry_reference jsonb`);
    // R6: cases registered before the category was recorded get the one their type has always meant.
    await q.query(`
      UPDATE intake.cases SET registry_category = jsonb_build_object('main', '1177 e-tjänster', 'sub', CASE type
        WHEN 'LOGIN_LOCK' THEN 'Låsa konto vårdpersonal'
        WHEN 'LOGIN_UNLOCK' THEN 'Låsa upp konto vårdpersonal'
        WHEN 'JOURNAL_SEAL' THEN 'Försegla journal'
        ELSE 'Häva försegling av journal' END)`);
    await q.query(`ALTER TABLE intake.case_timeline ADD COLUMN free_text text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.case_timeline DROP COLUMN free_text`);
    await q.query(`ALTER TABLE intake.cases DROP COLUMN registry_reference, DROP COLUMN registry_category, DROP COLUMN protected_identity`);
  }
}
