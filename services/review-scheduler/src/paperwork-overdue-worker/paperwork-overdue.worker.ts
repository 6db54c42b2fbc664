import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PaperworkOverdueV1, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { claimNextDue } from '@accessdesk/persistence';
import { DueWorkService } from '@accessdesk/platform';
import { PaperworkChaseEntity } from '../paperwork-chases/paperwork-chase.entity';
import { PAPERWORK_STATUSES_WITH_A_NEXT_STEP, nextPaperworkStep } from '../rules/r12-emergency-paperwork';

/** Fallback poll: a due date is reached by time passing, which wakes nobody. */
const WORKER_POLL_MS = 1_000;

/**
 * R12: an emergency lock's form still missing at the reminder date sends
 * `review-scheduler.paperwork.overdue.v1` stage REMINDER, at the escalation date stage ESCALATION.
 * Exactly once each: the chase row is claimed `FOR UPDATE SKIP LOCKED` and its new status commits
 * with the event. A chase whose form arrived (RECEIVED) is never claimed again.
 */
@Injectable()
export class PaperworkOverdueWorker extends DueWorkService<PaperworkChaseEntity> {
  constructor(messaging: Messaging) {
    super(messaging, PaperworkChaseEntity, 'paperwork chases', PaperworkOverdueWorker.name, { pollMs: WORKER_POLL_MS });
  }

  protected claim(manager: EntityManager): Promise<PaperworkChaseEntity | null> {
    return this.claimNext(manager);
  }

  protected work(manager: EntityManager, chase: PaperworkChaseEntity): Promise<void> {
    return this.step(manager, chase);
  }

  private async claimNext(manager: EntityManager): Promise<PaperworkChaseEntity | null> {
    for (const status of PAPERWORK_STATUSES_WITH_A_NEXT_STEP) {
      const chase = await claimNextDue(manager, PaperworkChaseEntity, status);
      if (chase) return chase;
    }
    return null;
  }

  private async step(manager: EntityManager, chase: PaperworkChaseEntity): Promise<void> {
    const step = nextPaperworkStep(chase.status);
    if (!step) return;
    const { registryNumber, sender, requestingUnitHsaId, requestingUnitName, headEmail, pendingSince, escalationDueAt } = chase;
    // The table's check constraint keeps these present on every chase that is not RECEIVED.
    if (!registryNumber || !sender || !requestingUnitHsaId || !requestingUnitName || !headEmail || !pendingSince || !escalationDueAt) {
      throw new Error(`paperwork chase of case ${chase.caseId} is ${chase.status} without what intake.paperwork.pending.v1 carried`);
    }
    const now = new Date();
    const changes: Partial<PaperworkChaseEntity> =
      step.stage === 'REMINDER'
        ? { status: step.status, remindedAt: now, nextAttemptAt: escalationDueAt }
        : { status: step.status, escalatedAt: now };
    await manager.getRepository(PaperworkChaseEntity).update({ id: chase.id }, changes);
    const overdue: PaperworkOverdueV1 = {
      caseId: chase.caseId,
      registryNumber,
      stage: step.stage,
      sender,
      requestingUnit: { hsaId: requestingUnitHsaId, name: requestingUnitName, headEmail },
      pendingSince: pendingSince.toISOString(),
    };
    const cause = { id: chase.causationId, correlationId: chase.caseId, region: chase.region, actor: systemActor('review-scheduler', chase.region) };
    await this.messaging.publish(manager, cause, PaperworkOverdueV1, overdue);
    this.logger.log(`paperwork of case ${chase.caseId} (${registryNumber}) overdue: ${step.stage}`);
  }
}
