import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, PaperworkPendingV1, PaperworkReceivedV1 } from '@accessdesk/contracts';
import { qualifiedTable } from '@accessdesk/persistence';
import { Regions } from '@accessdesk/platform';
import { PaperworkChaseEntity } from '../paperwork-chases/paperwork-chase.entity';
import { paperworkDueDates } from '../rules/r12-emergency-paperwork';

/**
 * R12: an emergency lock awaiting its form starts a chase with the region's reminder and escalation
 * dates (R24); the form's arrival ends it. Both run in the inbox transaction. The two events can
 * arrive in either order, so both write one row per case with one statement each: the form arriving
 * first leaves a RECEIVED row that the later pending event does not reopen.
 */
@Injectable()
export class ChasePaperworkService {
  private readonly logger = new Logger(ChasePaperworkService.name);

  constructor(private readonly regions: Regions) {}

  async pending(envelope: Envelope<PaperworkPendingV1>, pending: PaperworkPendingV1, manager: EntityManager): Promise<void> {
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
    this.logger.log(`paperwork of case ${pending.caseId} (${pending.registryNumber}) chased: reminder ${reminderDueAt.toISOString()}, escalation ${escalationDueAt.toISOString()}`);
  }

  async received(envelope: Envelope<PaperworkReceivedV1>, received: PaperworkReceivedV1, manager: EntityManager): Promise<void> {
    const table = qualifiedTable(manager, 'paperwork_chases');
    // Insert-or-close in one statement: a concurrent pending event for the case waits on the
    // unique key and then finds the chase closed, never the other way round.
    const rows: Array<{ status: string }> = await manager.query(
      `INSERT INTO ${table} (id, case_id, region, status, next_due_at, received_at, causation_id)
       VALUES ($1, $2, $3, 'RECEIVED', $4, $4, $5)
       ON CONFLICT (case_id) DO UPDATE SET status = 'RECEIVED', received_at = EXCLUDED.received_at
         WHERE ${table}.status <> 'RECEIVED'
       RETURNING status`,
      [randomUUID(), received.caseId, envelope.region, new Date(received.receivedAt), envelope.id],
    );
    this.logger.log(rows.length === 0 ? `paperwork of case ${received.caseId} already received` : `paperwork of case ${received.caseId} received: chase closed`);
  }
}
