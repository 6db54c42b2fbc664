import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, ManualActionOpenedV1, StaffToolAction } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';

/** Swedish titles for the desk (R7 manual execution). */
const ACTION_TEXT: Record<StaffToolAction, string> = {
  LOGIN_LOCK: 'Lås invånarens inloggning',
  LOGIN_UNLOCK: 'Lås upp invånarens inloggning',
  JOURNAL_SEAL: 'Försegla journalen',
  JOURNAL_UNSEAL: 'Häv förseglingen av journalen',
  GUARDIAN_BLOCK: 'Blockera vårdnadshavare',
  GUARDIAN_UNBLOCK: 'Häv blockering av vårdnadshavare',
};

/**
 * R7 manual mode: execution waits for an operator to act in the staff tool. The desk's (or, for a
 * guardian block, the contact centre's) inbox gets an item that names what to do and for whom; an
 * intake case notes that it waits.
 */
@MessageHandlers()
export class OnManualActionOpenedHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly inbox: WorkItemInbox,
  ) {}

  @EventPattern(ManualActionOpenedV1.type, { contract: ManualActionOpenedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ManualActionOpenedV1>, @Payload() opened: ManualActionOpenedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const intakeCase = await manager.getRepository(CaseEntity).findOneBy({ id: opened.caseId });
    await this.inbox.open(manager, {
      kind: 'MANUAL_EXECUTION',
      queue: opened.queue,
      region: envelope.region,
      caseId: opened.caseId,
      registryNumber: opened.registryNumber,
      action: opened.action,
      actionId: opened.actionId,
      title: `${ACTION_TEXT[opened.action]} i personalverktyget – ${opened.registryNumber}`,
      details: [
        'Verkställ åtgärden i 1177 e-tjänster personalverktyg och kvittera med vad verktyget visade.',
        ...(opened.action === 'LOGIN_LOCK'
          ? ['Var inloggningen redan låst: kvittera ALREADY_IN_STATE och ange vilken region låsningen gäller ("låst på begäran av Region X") i lockedByRegion (R10).']
          : []),
        ...(opened.action === 'LOGIN_LOCK' || opened.action === 'LOGIN_UNLOCK' ? [] : ['Åtgärden gäller även invånare utan eget konto på 1177 (NO_ACCOUNT gäller bara inloggningen, R16).']),
        ...(opened.sealScope ? [`Omfattning: ${opened.sealScope.whole ? 'hela journalen' : [...(opened.sealScope.careProviders ?? []), ...(opened.sealScope.careUnits ?? [])].join(', ')}`] : []),
      ],
      subject: { personnummer: opened.personnummer, guardianPersonnummer: opened.guardianPersonnummer ?? undefined, sealScope: opened.sealScope ?? null },
    });
    if (intakeCase) await this.cases.note(manager, intakeCase, envelope.actor, 'Väntar på manuellt verkställande i personalverktyget (arbetsuppgift i inkorgen)');
  }
}
