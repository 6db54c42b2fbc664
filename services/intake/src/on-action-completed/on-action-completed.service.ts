import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, CaseConcludedV1, Envelope, ExecutionOutcome, systemActor } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { isLifting } from '../rules/r10-unlock-by-requesting-region';
import { WorkItemsService } from '../work-items/work-items.service';

const OUTCOME_NOTE: Record<ExecutionOutcome, (completed: ActionCompletedV1) => string> = {
  EXECUTED: (c) => `Verkställt i personalverktyget${c.mode === 'manual' && c.executedBy ? ` av ${c.executedBy.name}` : ''}${c.detail === 'ALREADY_IN_STATE' ? ' (kontot var redan i det läget)' : ''}`,
  NOT_APPLICABLE: () => 'Ej aktuellt: invånaren saknar konto på 1177, bara befintliga användare kan låsas (R16)',
  FAILED: (c) => `Verkställandet misslyckades${c.detail ? ` (${c.detail})` : ''}: arbetsuppgift till servicedesken`,
};

/**
 * The staff tool answered (R7, R16). EXECUTED and NOT_APPLICABLE are concluded: feedback to the
 * requesting unit's head (R8) and, for a lock, the review date (R9) follow from
 * `intake.case.concluded.v1`; an executed unlock marks its lock lifted (R10). FAILED never
 * disappears silently: the case waits in FAILED with a work item for the service desk.
 */
@Injectable()
export class OnActionCompletedService {
  private readonly logger = new Logger(OnActionCompletedService.name);

  constructor(
    private readonly cases: CaseStore,
    private readonly workItems: WorkItemsService,
  ) {}

  async handle(envelope: Envelope<ActionCompletedV1>, completed: ActionCompletedV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, completed.caseId);
    // Guardian-block actions complete through this queue too; they are guardian-block's, but a
    // failed one still lands in the contact centre's inbox (R7: a failure never disappears).
    if (!entity) return this.otherCaseCompleted(envelope, completed, manager);
    if (entity.actionId !== completed.actionId) return this.logger.warn(`completion of a superseded action ${completed.actionId} on case ${completed.caseId} ignored`);
    entity.outcome = completed.outcome;
    if (!(await this.cases.move(manager, entity, completed.outcome, envelope.actor, OUTCOME_NOTE[completed.outcome](completed)))) return;
    if (completed.outcome === 'FAILED') {
      await this.workItems.open(manager, {
        kind: 'FAILED_EXECUTION',
        queue: 'SERVICE_DESK',
        region: entity.region,
        caseId: entity.id,
        registryNumber: entity.registryNumber,
        action: entity.type,
        actionId: completed.actionId,
        title: `Verkställandet misslyckades – ${entity.registryNumber}`,
        details: [`Personalverktyget svarade: ${completed.detail ?? 'okänt fel'}.`, 'Försök igen (RETRY) eller avsluta ärendet (CLOSE).'],
      });
      return;
    }
    if (completed.outcome === 'EXECUTED' && isLifting(entity.type) && entity.liftsCaseId) {
      const lifted = await this.cases.findForUpdate(manager, entity.liftsCaseId);
      if (lifted && !lifted.liftedByCaseId) {
        lifted.liftedByCaseId = entity.id;
        await this.cases.save(manager, lifted);
        await this.cases.note(manager, lifted, systemActor('intake', entity.region), `Hävd genom ${entity.registryNumber} (R10)`);
      }
    }
    await this.conclude(manager, entity, envelope, completed.completedAt);
  }

  private async otherCaseCompleted(envelope: Envelope<ActionCompletedV1>, completed: ActionCompletedV1, manager: EntityManager): Promise<void> {
    const guardianAction = completed.action === 'GUARDIAN_BLOCK' || completed.action === 'GUARDIAN_UNBLOCK';
    if (completed.outcome !== 'FAILED' || !guardianAction || !completed.registryNumber) return;
    const what = completed.action === 'GUARDIAN_BLOCK' ? 'Blockeringen av vårdnadshavare' : 'Borttagandet av blockeringen';
    await this.workItems.open(manager, {
      kind: 'FAILED_EXECUTION',
      queue: 'CONTACT_CENTRE',
      region: envelope.region,
      caseId: completed.caseId,
      registryNumber: completed.registryNumber,
      action: completed.action,
      actionId: completed.actionId,
      title: `${what} misslyckades – ${completed.registryNumber}`,
      details: [`Personalverktyget svarade: ${completed.detail ?? 'okänt fel'}.`, 'Försök igen (RETRY) eller avsluta utan verkställande (CLOSE).'],
    });
  }

  private async conclude(manager: EntityManager, entity: CaseEntity, cause: Envelope, at: string): Promise<void> {
    await this.cases.publish(manager, CaseConcludedV1, this.cases.concluded(entity, at), entity, cause, systemActor('intake', entity.region));
  }
}
