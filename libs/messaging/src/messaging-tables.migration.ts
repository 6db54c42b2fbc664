import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@accessdesk/persistence';

/**
 * The outbox and the inbox, in the schema of the service that includes this migration.
 * `outbox.seq` keeps publishing in commit order; `inbox` remembers every message id already handled.
 */
export class MessagingTables1732300000000 implements MigrationInterface {
  name = 'MessagingTables1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".outbox (
        seq          bigserial PRIMARY KEY,
        id           uuid NOT NULL UNIQUE,
        routing_key  text NOT NULL,
        envelope     jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON "${s}".outbox (seq) WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "${s}".inbox (
        queue        text NOT NULL,
        message_id   uuid NOT NULL,
        type         text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (queue, message_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}".inbox`);
    await queryRunner.query(`DROP TABLE "${s}".outbox`);
  }
}
