import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseCheckedV1, CheckFinding, Envelope, ExecuteActionV1, systemActor } from '@accessdesk/contracts';
import { Messaging, causedBy, createEnvelope } from '@accessdesk/messaging';
import { CaseStore } from '../cases/case-store';

/** R4: why a case went back or needs a phone call, in Swedish for the service desk and the requester. */
const FINDING_TEXT: Record<CheckFinding, string> = {
  RESIDENT_NOT_FOUND: 'personnumret finns inte i folkbokföringen',
  NAME_MISMATCH: 'namnet stämmer inte med folkbokföringen',
  RESIDENT_DECEASED: 'invånaren är avliden enligt folkbokföringen',
  COORDINATION_NUMBER: 'samordningsnummer: kan inte logga in på 1177',
  UNSIGNED: 'blanketten är inte signerad av beslutsfattaren',
  SIGNER_NOT_DECISION_MAKER: 'blanketten är signerad av någon annan än beslutsfattaren',
  SIGNER_UNKNOWN: 'den som signerat finns inte i katalogen',
  SIGNER_WITHOUT_REGIONAL_STAFF_ID: 'signerad av annan vårdgivare utan regionalt id: identiteten verifieras per telefon',
  PRIVATE_PROVIDER_NOT_APPROVED: 'den privata vårdgivaren finns inte på regionens lista',
};

export function describeFindings(findings: CheckFinding[]): string {
  return findings.map((f) => FINDING_TEXT[f]).join('; ');
}

/**
 * The checks on receipt are done (R4). Passed → READY and straight on to execution (R7), in the same
 * transaction; otherwise the case waits for completion or a manual verification.
 */
@Injectable()
export class OnCaseCheckedService {
  private readonly logger = new Logger(OnCaseCheckedService.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseStore,
  ) {}

  async handle(envelope: Envelope<CaseCheckedV1>, checked: CaseCheckedV1, manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, checked.caseId);
    if (!entity) {
      this.logger.warn(`check result for unknown case ${checked.caseId} ignored`);
      return;
    }
    const by = envelope.actor;
    const intake = systemActor('intake', envelope.region);
    const details = checked.findings.length > 0 ? `: ${describeFindings(checked.findings)}` : '';
    if (checked.verdict === 'RETURN_FOR_COMPLETION') {
      await this.cases.move(manager, entity, 'RETURNED_FOR_COMPLETION', by, `Returnerat för komplettering${details}`);
      return;
    }
    if (checked.verdict === 'MANUAL_VERIFICATION') {
      await this.cases.move(manager, entity, 'MANUAL_VERIFICATION', by, `Manuell verifiering krävs${details}`);
      return;
    }
    if (!(await this.cases.move(manager, entity, 'READY', by, `Kontroller vid mottagande godkända${details}`))) return;
    entity.actionId = randomUUID();
    await this.cases.move(manager, entity, 'EXECUTING', intake);
    const command: ExecuteActionV1 = {
      actionId: entity.actionId,
      caseId: entity.id,
      registryNumber: entity.registryNumber,
      action: entity.type,
      personnummer: entity.residentPersonnummer,
      sealScope: entity.request.sealScope ?? null,
    };
    await this.messaging.publish(manager, createEnvelope(ExecuteActionV1, command, causedBy(envelope, intake)));
  }
}
