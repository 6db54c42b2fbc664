import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1732300000500 implements MigrationInterface {
  name = 'Notifications1732300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification.notifications (
        id              uuid PRIMARY KEY,
        case_id         uuid NOT NULL,
        region          text NOT NULL,
        kind            text NOT NULL,
        recipients      jsonb NOT NULL,
        subject         text NOT NULL,
        body_text       text NOT NULL,
        status          text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        sent_at         timestamptz,
        message_id      text,
        causation_id    uuid NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // One e-mail of each kind per case, however often the event that asks for it arrives.
    await q.query(`CREATE UNIQUE INDEX notifications_case_kind ON notification.notifications (case_id, kind)`);
    await q.query(`CREATE INDEX notifications_due ON notification.notifications (next_attempt_at) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification.notifications`);
  }
}
