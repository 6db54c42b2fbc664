import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, CaseConcludedV1, Envelope, ExecutionOutcome, systemActor } from '@accessdesk/contracts';
import { Messaging, causedBy, createEnvelope } from '@accessdesk/messaging';
import { CaseStore } from '../cases/case-store';

const OUTCOME_NOTE: Record<ExecutionOutcome, (detail: string | null | undefined) => string> = {
  EXECUTED: () => 'Verkställt i personalverktyget',
  NOT_APPLICABLE: () => 'Ej aktuellt: invånaren saknar konto på 1177 (R16)',
  FAILED: (detail) => `Verkställandet misslyckades${detail ? ` (${detail})` : ''}`,
};

/**
 * The staff tool answered (R7, R16). EXECUTED and NOT_APPLICABLE are concluded: feedback to the
 * requesting unit's head (R8) and, for a lock, the review date (R9) follow from `intake.case.concluded.v1`.
 */
@Injectable()
export class OnActionCompletedService {
  private readonly logger = new Logger(OnActionCompletedService.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseStore,
  ) {}

  async handle(envelope: Envelope<ActionCompletedV1>, completed: ActionCompletedV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, completed.caseId);
    if (!entity || entity.actionId !== completed.actionId) {
      this.logger.warn(`completion of unknown action ${completed.actionId} on case ${completed.caseId} ignored`);
      return;
    }
    entity.outcome = completed.outcome;
    if (!(await this.cases.move(manager, entity, completed.outcome, envelope.actor, OUTCOME_NOTE[completed.outcome](completed.detail)))) return;
    if (completed.outcome === 'FAILED') return;
    const concluded: CaseConcludedV1 = {
      caseId: entity.id,
      registryNumber: entity.registryNumber,
      caseType: entity.type,
      outcome: completed.outcome,
      concludedAt: completed.completedAt,
      requestingUnit: {
        hsaId: entity.request.requestingUnit.hsaId,
        name: entity.request.requestingUnit.name,
        headEmail: entity.request.requestingUnit.headEmail,
      },
      decidedByHsaId: entity.request.decision.decidedBy.hsaId,
      effects: completed.outcome === 'EXECUTED' ? entity.effects : [],
      advice: completed.outcome === 'EXECUTED' ? entity.advice : [],
    };
    await this.messaging.publish(manager, createEnvelope(CaseConcludedV1, concluded, causedBy(envelope, systemActor('intake', entity.region))));
  }
}
