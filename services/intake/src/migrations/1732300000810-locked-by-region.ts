import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R10: what the staff tool showed about the resident's login when a case's login action completed:
 * the region whose lock is in effect ("låst på begäran av Region X"; NULL: not locked), and when.
 * A lock whose `locked_by_region` is another region's is no lock of its own region.
 */
export class LockedByRegion1732300000810 implements MigrationInterface {
  name = 'LockedByRegion1732300000810';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake.cases
        ADD COLUMN locked_by_region text,
        ADD COLUMN login_seen_at    timestamptz`);
    // Cases concluded before the tool's answer was recorded: an executed lock was taken to be the
    // region's own (as the code then did), seen when the case reached its outcome.
    await q.query(`
      UPDATE intake.cases c
         SET locked_by_region = CASE WHEN c.type = 'LOGIN_LOCK' AND c.outcome = 'EXECUTED' THEN c.region END,
             login_seen_at = (SELECT min(t.at) FROM intake.case_timeline t WHERE t.case_id = c.id AND t.status IN ('EXECUTED', 'NOT_APPLICABLE'))
       WHERE c.type IN ('LOGIN_LOCK', 'LOGIN_UNLOCK') AND c.outcome IN ('EXECUTED', 'NOT_APPLICABLE')`);
    // "The last thing the tool showed for this resident", on every status question.
    await q.query(`CREATE INDEX cases_login_seen ON intake.cases (resident_personnummer, login_seen_at) WHERE login_seen_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.cases_login_seen`);
    await q.query(`ALTER TABLE intake.cases DROP COLUMN login_seen_at, DROP COLUMN locked_by_region`);
  }
}
