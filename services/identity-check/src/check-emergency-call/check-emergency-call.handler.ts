import { Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { EmergencyCallCheckedV1, EmergencyCallReceivedV1, Envelope, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { IdentityCheckConfig } from '../identity-check.config';
import { PopulationRegisterClient } from '../registers/population-register.client';
import { RegisterUnavailableError } from '../registers/register-request';
import { StaffDirectoryClient } from '../registers/staff-directory.client';
import { emergencyCallFindings, emergencyCallVerdict } from '../rules/r12-emergency-call';

/**
 * R12: an emergency lock's caller and named decision maker, looked up in the staff directory before
 * the staff tool is called. Unlike the checks on receipt, a directory that does not answer within
 * EMERGENCY_DIRECTORY_TIMEOUT_MS is not retried through the broker: the answer DIRECTORY_UNAVAILABLE
 * goes back at once, so the desk can act on its own documented judgement.
 */
@MessageHandlers()
export class CheckEmergencyCallHandler {
  private readonly logger = new Logger(CheckEmergencyCallHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly staffDirectory: StaffDirectoryClient,
    private readonly populationRegister: PopulationRegisterClient,
    @Inject(IdentityCheckConfig) private readonly config: IdentityCheckConfig,
  ) {}

  @EventPattern(EmergencyCallReceivedV1.type, { contract: EmergencyCallReceivedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<EmergencyCallReceivedV1>, @Payload() call: EmergencyCallReceivedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const timeoutMs = this.config.EMERGENCY_DIRECTORY_TIMEOUT_MS;
    // The resident's protected identity, asked within the same deadline; a silent register holds nothing back.
    const protectedIdentity = this.protectedIdentity(call, timeoutMs);
    protectedIdentity.catch(() => undefined); // awaited below; a bug's rejection is not "unhandled" meanwhile
    let checked: EmergencyCallCheckedV1;
    try {
      // Both asked at once: the two look-ups share one short deadline.
      const [decider, caller] = await Promise.all([
        this.staffDirectory.person(call.decidedBy.hsaId, timeoutMs),
        call.caller.hsaId === call.decidedBy.hsaId ? null : this.staffDirectory.person(call.caller.hsaId, timeoutMs),
      ]);
      const findings = emergencyCallFindings({
        caseType: 'LOGIN_LOCK',
        decider,
        caller: call.caller.hsaId === call.decidedBy.hsaId ? decider : caller,
        callBackNumber: call.callBack.number,
      });
      checked = { caseId: call.caseId, verdict: emergencyCallVerdict(findings), findings, checkedAt: new Date().toISOString() };
    } catch (err) {
      if (!(err instanceof RegisterUnavailableError)) throw err;
      this.logger.warn(`emergency call of case ${call.caseId}: ${err.message}; the service desk decides`);
      checked = { caseId: call.caseId, verdict: 'DIRECTORY_UNAVAILABLE', findings: [], checkedAt: new Date().toISOString() };
    }
    checked.protectedIdentity = await protectedIdentity;
    await this.messaging.publish(manager, envelope, EmergencyCallCheckedV1, checked, { actor: systemActor('identity-check', envelope.region) });
    this.logger.log(`emergency call of case ${call.caseId} checked: ${checked.verdict}${checked.findings.length > 0 ? ` [${checked.findings.join(', ')}]` : ''}`);
  }

  private async protectedIdentity(call: EmergencyCallReceivedV1, timeoutMs: number): Promise<boolean | null> {
    if (!call.residentPersonnummer) return null;
    try {
      return (await this.populationRegister.lookup(call.residentPersonnummer, timeoutMs))?.protectedIdentity ?? null;
    } catch (err) {
      if (!(err instanceof RegisterUnavailableError)) throw err;
      this.logger.warn(`emergency call of case ${call.caseId}: ${err.message}; protected identity not known yet`);
      return null;
    }
  }
}
