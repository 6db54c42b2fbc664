import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails of more kinds than feedback:
 * - `occurrence`: one e-mail per (case, kind) became one per (case, kind, occurrence), because a case
 *   can be returned for completion more than once and a guardian block concluded more than once
 *   (failed, then executed; unblocked one guardian at a time). Existing rows keep the empty
 *   occurrence, so nothing is sent again.
 * - `delivered_to`: an e-mail now often has several recipients (copy addresses, the service desk,
 *   every confirmation address). When the mail server takes some and refuses others, the retry goes
 *   to the refused ones only, so nobody gets the e-mail twice.
 */
export class NotificationKinds1732300000510 implements MigrationInterface {
  name = 'NotificationKinds1732300000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.notifications ADD COLUMN occurrence text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE notification.notifications ADD COLUMN delivered_to jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`CREATE UNIQUE INDEX notifications_case_kind_occurrence ON notification.notifications (case_id, kind, occurrence)`);
    await q.query(`DROP INDEX notification.notifications_case_kind`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification.notifications_case_kind_occurrence`);
    await q.query(`CREATE UNIQUE INDEX notifications_case_kind ON notification.notifications (case_id, kind)`);
    await q.query(`ALTER TABLE notification.notifications DROP COLUMN delivered_to`);
    await q.query(`ALTER TABLE notification.notifications DROP COLUMN occurrence`);
  }
}
