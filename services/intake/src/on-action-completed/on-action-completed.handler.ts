import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { ActionCompletedV1, Envelope, ExecutionOutcome } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers, Regions } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';
import { isOtherRegionsLock, loginSeenOnCompletion } from '../rules/r10-unlock-by-requesting-region';

const OUTCOME_NOTE: Record<ExecutionOutcome, (completed: ActionCompletedV1) => string> = {
  EXECUTED: (c) =>
    `Verkställt i personalverktyget${c.mode === 'manual' && c.executedBy ? ` av ${c.executedBy.name}` : ''}${c.detail === 'ALREADY_IN_STATE' ? ' (kontot var redan i det läget)' : ''}${
      c.detail === RECONCILED_ALREADY_IN_STATE ? ` (svaret uteblev; kontots läge visar åtgärden genomförd${c.observed ? `: ${c.observed}` : ''})` : ''
    }`,
  NOT_APPLICABLE: () => 'Ej aktuellt: invånaren saknar konto på 1177, bara befintliga användare kan låsas (R16)',
  FAILED: (c) => `Verkställandet misslyckades${c.detail ? ` (${c.detail})` : ''}${c.observed ? `. ${c.observed}` : ''}: arbetsuppgift till servicedesken`,
  UNKNOWN: () => 'Okänt om åtgärden genomfördes: personalverktyget svarade varken på åtgärden eller om kontots läge. Arbetsuppgift till servicedesken',
};

/** Execution's detail for an action it found already carried out after its answer was lost (issue 9). */
const RECONCILED_ALREADY_IN_STATE = 'RECONCILED_ALREADY_IN_STATE';

/** Issue 9: what the desk reads on an item whose outcome is UNKNOWN: look in the staff tool first. */
export function unknownExecutionDetails(detail: string | null | undefined): string[] {
  return [
    `Personalverktyget svarade inte (${detail ?? 'okänt fel'}) och kontots läge gick inte att läsa. Åtgärden kan ha genomförts trots att svaret uteblev.`,
    'Titta först i personalverktyget och kvittera vad det visar: result DONE (åtgärden gäller), ALREADY_IN_STATE med lockedByRegion (inloggningen är låst på en annan regions begäran), NO_ACCOUNT (invånaren saknar inloggning) eller FAILED (åtgärden gäller inte), med executedAt (när du tittade) och observed (vad verktyget visade).',
    'Ärendet kan inte avslutas som ej verkställt (CLOSE) förrän du har kvitterat FAILED. Nytt försök (RETRY) går alltid.',
  ];
}

/**
 * The staff tool answered (R7, R16). EXECUTED and NOT_APPLICABLE are concluded: feedback to the
 * requesting unit's head (R8) and, for a lock, the review date (R9) follow from
 * `intake.case.concluded.v1`; an executed unlock marks its lock lifted (R10). FAILED never
 * disappears silently: the case waits in FAILED with a work item for the service desk.
 */
@MessageHandlers()
export class OnActionCompletedHandler {
  private readonly logger = new Logger(OnActionCompletedHandler.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
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

  @EventPattern(ActionCompletedV1.type, { contract: ActionCompletedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ActionCompletedV1>, @Payload() completed: ActionCompletedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, completed.caseId);
    // Guardian-block actions complete through this queue too; they are guardian-block's, but a
    // failed one still lands in the contact centre's inbox (R7: a failure never disappears).
    if (!entity) return this.otherCaseCompleted(envelope, completed, manager);
    if (entity.actionId !== completed.actionId) return this.logger.warn(`completion of a superseded action ${completed.actionId} on case ${completed.caseId} ignored`);
    entity.outcome = completed.outcome;
    // R10: for a login action, whose lock the staff tool showed in effect, and when.
    // An UNKNOWN outcome saw nothing of the login.
    const seen = completed.outcome === 'UNKNOWN' ? null : loginSeenOnCompletion(entity, completed);
    if (seen) Object.assign(entity, { lockedByRegion: seen.lockedByRegion, loginSeenAt: seen.seenAt });
    // Issue 9: an UNKNOWN outcome keeps the case FAILED (nothing concluded, nobody told "not
    // locked") with a work item that cannot be closed as unexecuted before the desk has looked.
    const to = completed.outcome === 'UNKNOWN' ? 'FAILED' : completed.outcome;
    if (!(await this.lifecycle.move(manager, entity, to, envelope.actor, envelope, `${OUTCOME_NOTE[completed.outcome](completed)}${this.loginNote(entity)}`))) return;
    if (completed.outcome === 'UNKNOWN') {
      await this.inbox.open(manager, {
        kind: 'UNKNOWN_EXECUTION',
        queue: 'SERVICE_DESK',
        region: entity.region,
        caseId: entity.id,
        registryNumber: entity.registryNumber,
        action: entity.type,
        actionId: completed.actionId,
        title: `Okänt om åtgärden genomfördes – titta i personalverktyget – ${entity.registryNumber}`,
        details: unknownExecutionDetails(completed.detail),
      });
      return;
    }
    if (completed.outcome === 'FAILED') {
      await this.inbox.open(manager, {
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
    await this.lifecycle.conclude(manager, entity, envelope, completed.completedAt);
  }

  private async otherCaseCompleted(envelope: Envelope<ActionCompletedV1>, completed: ActionCompletedV1, manager: EntityManager): Promise<void> {
    const guardianAction = completed.action === 'GUARDIAN_BLOCK' || completed.action === 'GUARDIAN_UNBLOCK';
    // Issue 9: UNKNOWN is a failure awaiting the contact centre (guardian-block keeps waiting as for FAILED), but its item says to look first.
    if ((completed.outcome !== 'FAILED' && completed.outcome !== 'UNKNOWN') || !guardianAction || !completed.registryNumber) return;
    const what = completed.action === 'GUARDIAN_BLOCK' ? 'Blockeringen av vårdnadshavare' : 'Borttagandet av blockeringen';
    await this.inbox.open(manager, {
      kind: 'FAILED_EXECUTION',
      queue: 'CONTACT_CENTRE',
      region: envelope.region,
      caseId: completed.caseId,
      registryNumber: completed.registryNumber,
      action: completed.action,
      actionId: completed.actionId,
      title: `${what} misslyckades – ${completed.registryNumber}`,
      details:
        completed.outcome === 'UNKNOWN'
          ? [
              `Personalverktyget svarade inte (${completed.detail ?? 'okänt fel'}) och kontots läge gick inte att läsa: åtgärden kan ha genomförts.`,
              'Titta först i personalverktyget. Försök igen (RETRY), eller avsluta utan verkställande (CLOSE) bara om verktyget visar att den inte genomfördes.',
            ]
          : [`Personalverktyget svarade: ${completed.detail ?? 'okänt fel'}.`, 'Försök igen (RETRY) eller avsluta utan verkställande (CLOSE).'],
    });
  }
}
