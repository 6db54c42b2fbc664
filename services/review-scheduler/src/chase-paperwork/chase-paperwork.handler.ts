import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, PaperworkPendingV1, PaperworkReceivedV1, PaperworkReturnedV1, PaperworkWaivedV1 } from '@accessdesk/contracts';
import { qualifiedTable } from '@accessdesk/persistence';
import { InboxTransaction, Message, MessageContext, MessageHandlers, Regions } from '@accessdesk/platform';
import { PaperworkOverdueWorker } from '../paperwork-overdue-worker/paperwork-overdue.worker';
import { PaperworkChaseEntity } from '../paperwork-chases/paperwork-chase.entity';
import { paperworkDueDates } from '../rules/r12-emergency-paperwork';

/**
 * R12: an emergency lock awaiting its form starts a chase with the region's reminder and escalation
 * dates (R24); the form's arrival ends it, as does the lock's end unexecuted (WAIVED). All run in the
 * inbox transaction. The events can arrive in any order, so each writes one row per case with one
 * statement: an end arriving first leaves a RECEIVED or WAIVED row that a later pending event does
 * not reopen.
 */
@MessageHandlers()
export class ChasePaperworkHandler {
  private readonly logger = new Logger(ChasePaperworkHandler.name);

  constructor(
    private readonly regions: Regions,
    private readonly paperworkOverdue: PaperworkOverdueWorker,
  ) {}

  @EventPattern(PaperworkPendingV1.type, { contract: PaperworkPendingV1, queue: 'events' })
  async pending(
    @Message() envelope: Envelope<PaperworkPendingV1>,
    @Payload() pending: PaperworkPendingV1,
    @InboxTransaction() manager: EntityManager,
    @Ctx() context: MessageContext,
  ): Promise<void> {
    const region = envelope.region;
    const pendingSince = new Date(pending.recordedAt);
    const { reminderDueAt, escalationDueAt } = paperworkDueDates(
      pendingSince,
      this.regions.duration(region, 'paperworkReminderAfter'),
      this.regions.duration(region, 'paperworkEscalationAfter'),
    );
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(PaperworkChaseEntity)
      .values({
        id: randomUUID(),
        caseId: pending.caseId,
        region,
        status: 'PENDING',
        registryNumber: pending.registryNumber,
        sender: pending.sender,
        requestingUnitHsaId: pending.requestingUnit.hsaId,
        requestingUnitName: pending.requestingUnit.name,
        headEmail: pending.requestingUnit.headEmail,
        pendingSince,
        reminderDueAt,
        escalationDueAt,
        nextAttemptAt: reminderDueAt,
        causationId: envelope.id,
      })
      .orIgnore()
      .updateEntity(false)
      .returning('id')
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      this.logger.log(`paperwork of case ${pending.caseId} already chased or already received`);
      return;
    }
    // New work for the worker: a chase whose reminder date already passed (a late event, a catch-up) is due at once.
    context.afterCommit(() => this.paperworkOverdue.kick());
    this.logger.log(`paperwork of case ${pending.caseId} (${pending.registryNumber}) chased: reminder ${reminderDueAt.toISOString()}, escalation ${escalationDueAt.toISOString()}`);
  }

  @EventPattern(PaperworkReceivedV1.type, { contract: PaperworkReceivedV1, queue: 'events' })
  async received(@Message() envelope: Envelope<PaperworkReceivedV1>, @Payload() received: PaperworkReceivedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    await this.end(envelope, received.caseId, 'RECEIVED', new Date(received.receivedAt), manager);
  }

  /**
   * R12: a form arrived but failed the checks on receipt and went back: it is still owed, so the
   * chase goes on where it stands (its reminder and escalation as planned); the return is counted.
   * A chase that ended (a passing form, or the lock ended unexecuted) is left as it is.
   */
  @EventPattern(PaperworkReturnedV1.type, { contract: PaperworkReturnedV1, queue: 'events' })
  async returned(@Payload() returned: PaperworkReturnedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const table = qualifiedTable(manager, 'paperwork_chases');
    const rows: Array<{ status: string; returns: number }> = await manager.query(
      `UPDATE ${table} SET returns = returns + 1, last_returned_at = $2
        WHERE case_id = $1 AND status NOT IN ('RECEIVED', 'WAIVED')
        RETURNING status, returns`,
      [returned.caseId, new Date(returned.returnedAt)],
    );
    this.logger.log(
      rows.length === 0
        ? `returned form of case ${returned.caseId}: no open chase`
        : `returned form of case ${returned.caseId}: chase goes on (${rows[0].status}, ${rows[0].returns} returned)`,
    );
  }

  @EventPattern(PaperworkWaivedV1.type, { contract: PaperworkWaivedV1, queue: 'events' })
  async waived(@Message() envelope: Envelope<PaperworkWaivedV1>, @Payload() waived: PaperworkWaivedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    await this.end(envelope, waived.caseId, 'WAIVED', new Date(waived.waivedAt), manager);
  }

  private async end(envelope: Envelope, caseId: string, status: 'RECEIVED' | 'WAIVED', at: Date, manager: EntityManager): Promise<void> {
    const table = qualifiedTable(manager, 'paperwork_chases');
    // Insert-or-end in one statement: a concurrent pending event for the case waits on the unique
    // key and then finds the chase ended, never the other way round. The first end stands.
    const rows: Array<{ status: string }> = await manager.query(
      `INSERT INTO ${table} (id, case_id, region, status, next_due_at, ended_at, causation_id)
       VALUES ($1, $2, $3, $4, $5, $5, $6)
       ON CONFLICT (case_id) DO UPDATE SET status = EXCLUDED.status, ended_at = EXCLUDED.ended_at
         WHERE ${table}.status NOT IN ('RECEIVED', 'WAIVED')
       RETURNING status`,
      [randomUUID(), caseId, envelope.region, status, at, envelope.id],
    );
    this.logger.log(rows.length === 0 ? `paperwork chase of case ${caseId} already ended` : `paperwork chase of case ${caseId} ended: ${status}`);
  }
}
