import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, CaseConcludedV1, Envelope, ExecutionOutcome, systemActor } from '@accessdesk/contracts';
import { Regions } from '@accessdesk/platform';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { isLifting, isOtherRegionsLock, loginSeenOnCompletion } from '../rules/r10-unlock-by-requesting-region';
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
    private readonly regions: Regions,
  ) {}

  /** "Region Kronoberg", as the staff tool names it; the code when the regions file does not know it. */
  private regionName(code: string): string {
    return this.regions.find(code)?.name ?? `Region ${code}`;
  }

  /** R10: what the staff tool showed about the login, in Swedish for the timeline. */
  private loginNote(entity: CaseEntity): string {
    if (entity.loginSeenAt === null) return '';
    if (entity.lockedByRegion === null) return entity.type === 'LOGIN_LOCK' && entity.outcome === 'EXECUTED' ? '. Personalverktyget visade inte vilken region låsningen gäller' : '';
    const name = this.regionName(entity.lockedByRegion);
    if (!isOtherRegionsLock(entity)) return `. Personalverktyget visar: låst på begäran av ${name} (R10)`;
    return `. Personalverktyget visar att inloggningen redan var låst på begäran av ${name}. Den låsningen är inte denna regions, och endast ${name} kan häva den (R10). Ingen omprövning planeras för detta ärende`;
  }

  async handle(envelope: Envelope<ActionCompletedV1>, completed: ActionCompletedV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, completed.caseId);
    // Guardian-block actions complete through this queue too; they are guardian-block's, but a
    // failed one still lands in the contact centre's inbox (R7: a failure never disappears).
    if (!entity) return this.otherCaseCompleted(envelope, completed, manager);
    if (entity.actionId !== completed.actionId) return this.logger.warn(`completion of a superseded action ${completed.actionId} on case ${completed.caseId} ignored`);
    entity.outcome = completed.outcome;
    // R10: for a login action, whose lock the staff tool showed in effect, and when.
    const seen = loginSeenOnCompletion(entity, completed);
    if (seen) Object.assign(entity, { lockedByRegion: seen.lockedByRegion, loginSeenAt: seen.seenAt });
    if (!(await this.cases.move(manager, entity, completed.outcome, envelope.actor, `${OUTCOME_NOTE[completed.outcome](completed)}${this.loginNote(entity)}`))) return;
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
