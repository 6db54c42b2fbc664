import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseCheckedV1, CaseReceivedV1, Envelope, systemActor } from '@accessdesk/contracts';
import { Messaging, causedBy, createEnvelope } from '@accessdesk/messaging';
import { CheckEntity } from '../checks/check.entity';
import { PopulationRegisterClient } from '../registers/population-register.client';
import { StaffDirectoryClient } from '../registers/staff-directory.client';
import { checkOnReceipt, needsPrivateProviders, signerToLookUp } from '../rules/r4-checks-on-receipt';

/**
 * R4 checks on receipt: looks the resident up in the population register and the signer in the
 * staff directory, decides, stores the result and publishes `identity-check.case.checked.v1`, all in
 * the inbox transaction of the received case. A register that does not answer fails the handler, so
 * the broker redelivers the message (up to its delivery limit, then the dead-letter queue).
 */
@Injectable()
export class CheckCaseService {
  private readonly logger = new Logger(CheckCaseService.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly populationRegister: PopulationRegisterClient,
    private readonly staffDirectory: StaffDirectoryClient,
  ) {}

  async handle(envelope: Envelope<CaseReceivedV1>, received: CaseReceivedV1, manager: EntityManager): Promise<void> {
    const resident = await this.populationRegister.lookup(received.resident.personnummer);
    const signerId = signerToLookUp({
      channel: received.channel,
      signedBy: received.signature?.signedBy ?? null,
      decidedBy: received.decidedBy.hsaId,
    });
    const signer = signerId ? await this.staffDirectory.person(signerId) : undefined;
    const approvedPrivateProviders = needsPrivateProviders(signer) ? await this.staffDirectory.approvedPrivateProviders(envelope.region) : [];

    const result = checkOnReceipt({
      personnummer: received.resident.personnummer,
      requestedName: received.resident.name,
      channel: received.channel,
      signedBy: received.signature?.signedBy ?? null,
      decidedBy: received.decidedBy.hsaId,
      resident,
      signer,
      approvedPrivateProviders,
    });
    const checkedAt = new Date();
    await manager.getRepository(CheckEntity).upsert(
      {
        caseId: received.caseId,
        region: envelope.region,
        registryNumber: received.registryNumber,
        verdict: result.verdict,
        findings: result.findings,
        residentFacts: result.resident,
        signerCareProvider: result.signerCareProvider,
        messageId: envelope.id,
        checkedAt,
      },
      ['caseId'],
    );
    const checked: CaseCheckedV1 = {
      caseId: received.caseId,
      verdict: result.verdict,
      findings: result.findings,
      resident: result.resident,
      signerCareProvider: result.signerCareProvider,
      checkedAt: checkedAt.toISOString(),
    };
    await this.messaging.publish(manager, createEnvelope(CaseCheckedV1, checked, causedBy(envelope, systemActor('identity-check', envelope.region))));
    const findings = result.findings.length > 0 ? ` [${result.findings.join(', ')}]` : '';
    this.logger.log(`case ${received.caseId} checked: ${result.verdict}${findings}`);
  }
}
