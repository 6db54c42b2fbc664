import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CaseCheckedV1, CaseReceivedV1, Envelope, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageHandlers, Regions } from '@accessdesk/platform';
import { CheckEntity } from '../checks/check.entity';
import { PopulationRegisterClient } from '../registers/population-register.client';
import { StaffDirectoryClient } from '../registers/staff-directory.client';
import { checkOnReceipt } from '../rules/r4-checks-on-receipt';

/**
 * R4 checks on receipt and R1 decision authority: looks the resident up in the population register
 * and the decision maker (who is also the signer whenever a signature is judged) in the staff
 * directory, takes the region's approved private providers from the regions configuration (R24),
 * decides, stores the result and publishes `identity-check.case.checked.v1`, all in the inbox
 * transaction of the received case. A register that does not answer fails the handler with a
 * transient error: the message waits in a delay queue and comes back until the register answers
 * (an hour at most, then the dead-letter queue, from which an operator replays it).
 */
@MessageHandlers()
export class CheckCaseHandler {
  private readonly logger = new Logger(CheckCaseHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly populationRegister: PopulationRegisterClient,
    private readonly staffDirectory: StaffDirectoryClient,
    private readonly regions: Regions,
  ) {}

  @EventPattern(CaseReceivedV1.type, { contract: CaseReceivedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<CaseReceivedV1>, @Payload() received: CaseReceivedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    // Read first: a region missing from the configuration fails before any register is asked.
    const { approvedPrivateProviders } = this.regions.get(envelope.region);
    const resident = await this.populationRegister.lookup(received.resident.personnummer);
    // R12: the resident's own follow-up form names no staff to look up.
    const residentsForm = received.paperworkSender === 'RESIDENT';
    const decider = residentsForm ? null : await this.staffDirectory.person(received.decidedBy.hsaId);
    const signedBy = received.signature?.signedBy ?? null;
    const signer = residentsForm || signedBy === null || signedBy === received.decidedBy.hsaId ? decider : await this.staffDirectory.person(signedBy);

    const result = checkOnReceipt({
      personnummer: received.resident.personnummer,
      requestedName: received.resident.name,
      caseType: received.caseType,
      channel: received.channel,
      signedBy,
      decidedBy: received.decidedBy.hsaId,
      resident,
      decider,
      signer,
      caseRegion: envelope.region,
      approvedPrivateProviders,
      paperworkSender: received.paperworkSender ?? null,
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
      paperworkSender: received.paperworkSender ?? null,
    };
    await this.messaging.publish(manager, envelope, CaseCheckedV1, checked, { actor: systemActor('identity-check', envelope.region) });
    const findings = result.findings.length > 0 ? ` [${result.findings.join(', ')}]` : '';
    this.logger.log(`case ${received.caseId} checked: ${result.verdict}${findings}`);
  }
}
