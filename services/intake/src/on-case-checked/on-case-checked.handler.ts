import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CaseCheckedV1, CaseRefusedV1, CaseReturnedV1, CheckFinding, Envelope, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { aboutCase, recipient } from '../domain/case/case-events';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CaseRepository } from '../domain/case/case.repository';
import { EmergencyPaperwork } from '../domain/paperwork/emergency-paperwork.service';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';

/** R4: why a case went back or needs a phone call, in Swedish for the service desk and the requester. */
const FINDING_TEXT: Record<CheckFinding, string> = {
  RESIDENT_NOT_FOUND: 'personnumret finns inte i folkbokföringen',
  NAME_MISMATCH: 'namnet stämmer inte med folkbokföringen',
  RESIDENT_DECEASED: 'invånaren är avliden enligt folkbokföringen',
  COORDINATION_NUMBER: 'samordningsnummer: kan inte logga in på 1177',
  UNSIGNED: 'blanketten är inte signerad av beslutsfattaren',
  SIGNER_NOT_DECISION_MAKER: 'blanketten är signerad av någon annan än beslutsfattaren',
  SIGNER_NOT_CARE_STAFF: 'blanketten är inte vidimerad av hälso- och sjukvårdspersonal',
  SIGNER_UNKNOWN: 'den som signerat finns inte i katalogen',
  SIGNER_WITHOUT_REGIONAL_STAFF_ID: 'signerad av annan vårdgivare utan regionalt id: identiteten verifieras per telefon',
  PRIVATE_PROVIDER_NOT_APPROVED: 'den privata vårdgivaren finns inte på regionens lista över godkända vårdgivare',
  DECIDER_WITHOUT_AUTHORITY: 'beslutsfattaren har inte behörighet att besluta (legitimerad personal med behandlingsansvar, verksamhetschef eller medicinskt ansvarig läkare)',
};

export function describeFindings(findings: CheckFinding[]): string {
  return findings.map((f) => FINDING_TEXT[f]).join('; ');
}

/** Findings that are the desk's own step (the phone check of the signer, 000 §6.9) or advice (a samordningsnummer): not the requester's to put right. */
const DESK_STEPS: ReadonlySet<CheckFinding> = new Set<CheckFinding>(['COORDINATION_NUMBER', 'SIGNER_UNKNOWN', 'SIGNER_WITHOUT_REGIONAL_STAFF_ID']);

/**
 * The checks on receipt are done (R4). Passed → READY and straight on to execution (R7), in the same
 * transaction; otherwise the case is returned for completion (the requester is told why), waits for
 * the service desk's phone verification (a work item), or is refused (R4, 000 §6.10).
 */
@MessageHandlers()
export class OnCaseCheckedHandler {
  private readonly logger = new Logger(OnCaseCheckedHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
    private readonly paperwork: EmergencyPaperwork,
  ) {}

  @EventPattern(CaseCheckedV1.type, { contract: CaseCheckedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseCheckedV1>, @Payload() checked: CaseCheckedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, checked.caseId);
    if (!entity) {
      this.logger.warn(`check result for unknown case ${checked.caseId} ignored`);
      return;
    }
    if (checked.paperworkSender) {
      await this.paperworkChecked(envelope, checked, entity, manager);
      return;
    }
    const by = envelope.actor;
    // Skyddad identitet: the case carries the register's mark from now on (it only ever gains it), so
    // that its views and inbox items are marked, its free text withheld and its events say so.
    if (checked.resident.protectedIdentity && !entity.protectedIdentity) {
      entity.protectedIdentity = true;
      await this.cases.save(manager, entity);
    }
    // What the requester must put right; the phone check of the signer is the desk's own step (000 §6.9)
    // and a samordningsnummer is advice, so neither is asked of the requester.
    const reasons = checked.findings.filter((f) => !DESK_STEPS.has(f)).map((f) => FINDING_TEXT[f]);
    const verifyReasons = checked.findings.filter((f) => f !== 'COORDINATION_NUMBER').map((f) => FINDING_TEXT[f]);
    const details = checked.findings.length > 0 ? `: ${describeFindings(checked.findings)}` : '';
    const sentBack = { caseId: entity.id, registryNumber: entity.registryNumber, caseType: entity.type, reasons, requestingUnit: recipient(entity), at: checked.checkedAt, protectedIdentity: entity.protectedIdentity };
    switch (checked.verdict) {
      case 'REFUSED':
        if (await this.lifecycle.move(manager, entity, 'REFUSED', by, envelope, `Avvisat${details}`)) {
          await this.messaging.publish(manager, envelope, CaseRefusedV1, sentBack, aboutCase(entity));
        }
        return;
      case 'RETURN_FOR_COMPLETION':
        if (await this.lifecycle.move(manager, entity, 'RETURNED_FOR_COMPLETION', by, envelope, `Returnerat för komplettering${details}`)) {
          await this.messaging.publish(manager, envelope, CaseReturnedV1, sentBack, aboutCase(entity));
        }
        return;
      case 'MANUAL_VERIFICATION':
        if (await this.lifecycle.move(manager, entity, 'MANUAL_VERIFICATION', by, envelope, `Manuell verifiering krävs${details}`)) {
          await this.inbox.open(manager, {
            kind: 'MANUAL_VERIFICATION',
            queue: 'SERVICE_DESK',
            region: entity.region,
            caseId: entity.id,
            registryNumber: entity.registryNumber,
            title: `Verifiera signerarens identitet per telefon – ${entity.registryNumber}`,
            details: [...verifyReasons, `Signerad av ${entity.request.signature?.signedBy ?? 'okänd'}; ring och kontrollera identiteten (000 §6.9).`],
          });
        }
        return;
      case 'PASSED':
        if (!(await this.lifecycle.move(manager, entity, 'READY', by, envelope, `Kontroller vid mottagande godkända${details}`))) return;
        await this.lifecycle.execute(manager, entity, systemActor('intake', envelope.region), envelope);
    }
  }

  /**
   * R12: the checks on receipt (R1, R4) of the form that followed an emergency lock. The lock is in
   * the staff tool already, so the case does not move: passed, the form is accepted and the chase
   * ends; a return or a refusal (a signer the region does not accept) sends the form back with the
   * reasons while the chase goes on; a signer without the region's staff id is phoned by the desk.
   */
  private async paperworkChecked(envelope: Envelope<CaseCheckedV1>, checked: CaseCheckedV1, entity: CaseEntity, manager: EntityManager): Promise<void> {
    // A late or repeated answer: the form was judged already, or the case ended and owes none.
    if (entity.paperwork !== 'CHECKING') return;
    const details = checked.findings.length > 0 ? `: ${describeFindings(checked.findings)}` : '';
    switch (checked.verdict) {
      case 'PASSED':
        await this.paperwork.accept(manager, entity, envelope, `Blanketten godkänd vid kontroll${details} (R1, R4); påminnelserna upphör (R12)`);
        return;
      case 'MANUAL_VERIFICATION':
        entity.paperwork = 'MANUAL_VERIFICATION';
        await this.cases.save(manager, entity);
        await this.cases.note(manager, entity, envelope.actor, `Blankettens signerare verifieras per telefon${details} (R4, R12)`);
        await this.inbox.open(manager, {
          kind: 'MANUAL_VERIFICATION',
          queue: 'SERVICE_DESK',
          region: entity.region,
          caseId: entity.id,
          registryNumber: entity.registryNumber,
          title: `Verifiera signeraren av nödspärrens blankett per telefon – ${entity.registryNumber}`,
          details: [...checked.findings.filter((f) => f !== 'COORDINATION_NUMBER').map((f) => FINDING_TEXT[f]), `Signerad av ${entity.request.signature?.signedBy ?? 'okänd'}; ring och kontrollera identiteten (000 §6.9).`],
        });
        return;
      default:
        await this.paperwork.sendBack(manager, entity, envelope, checked.findings.filter((f) => !DESK_STEPS.has(f)).map((f) => FINDING_TEXT[f]));
    }
  }
}
