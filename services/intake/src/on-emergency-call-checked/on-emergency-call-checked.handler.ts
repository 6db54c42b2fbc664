import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { EmergencyCallCheckedV1, Envelope } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';
import { EMERGENCY_FINDING_TEXT } from '../rules/r12-emergency-lock';

/**
 * R12, R1: the staff directory has answered for an emergency lock's caller and decision maker.
 * PASSED → the staff tool at once, the form chased from now on. NOT_VERIFIED → not executed on: back
 * to the desk that filed it (RETURNED_FOR_COMPLETION) with the reasons in its inbox; the desk calls
 * back on the directory's number and completes the case (the directory is asked again), or voids it
 * when the call was not genuine. DIRECTORY_UNAVAILABLE → MANUAL_VERIFICATION: the desk may execute on
 * its own documented judgement (POST /cases/{id}/verification with `judgement`).
 */
@MessageHandlers()
export class OnEmergencyCallCheckedHandler {
  private readonly logger = new Logger(OnEmergencyCallCheckedHandler.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
  ) {}

  @EventPattern(EmergencyCallCheckedV1.type, { contract: EmergencyCallCheckedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<EmergencyCallCheckedV1>, @Payload() checked: EmergencyCallCheckedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, checked.caseId);
    if (!entity) {
      this.logger.warn(`emergency call result for unknown case ${checked.caseId} ignored`);
      return;
    }
    // The register's protected-identity mark sticks, whatever else the answer says (skyddad identitet).
    if (checked.protectedIdentity === true && !entity.protectedIdentity) {
      entity.protectedIdentity = true;
      await this.cases.save(manager, entity);
    }
    // A late or repeated answer finds the case moved on; a state only moves forward.
    if (entity.status !== 'RECEIVED' && entity.status !== 'VERIFYING') return;
    const by = envelope.actor;
    switch (checked.verdict) {
      case 'PASSED':
        if (entity.status === 'VERIFYING' && !(await this.lifecycle.move(manager, entity, 'READY', by, envelope, 'Uppringaren och beslutsfattaren bekräftade i personalkatalogen (R12, R1)'))) return;
        await this.lifecycle.executeEmergency(manager, entity, by, envelope, 'Nödspärr: uppringaren återuppringd på personalkatalogens nummer och beslutsfattaren behörig enligt katalogen; verkställs direkt');
        return;
      case 'NOT_VERIFIED': {
        const reasons = checked.findings.map((f) => EMERGENCY_FINDING_TEXT[f]);
        if (!(await this.lifecycle.move(manager, entity, 'RETURNED_FOR_COMPLETION', by, envelope, `Nödspärren verkställs inte: ${reasons.join('; ')} (R12)`))) return;
        await this.inbox.openEmergencyCall(manager, entity, reasons);
        return;
      }
      case 'DIRECTORY_UNAVAILABLE':
        if (!(await this.lifecycle.move(manager, entity, 'MANUAL_VERIFICATION', by, envelope, 'Personalkatalogen svarar inte: servicedesken får verkställa på eget dokumenterat omdöme (R12)'))) return;
        await this.inbox.open(manager, {
          kind: 'MANUAL_VERIFICATION',
          queue: 'SERVICE_DESK',
          region: entity.region,
          caseId: entity.id,
          registryNumber: entity.registryNumber,
          title: `Nödspärr: personalkatalogen svarar inte – ${entity.registryNumber}`,
          details: [
            'Uppringaren och beslutsfattaren kunde inte slås upp i personalkatalogen (R12, R1).',
            `Verkställ på eget dokumenterat omdöme: registrera verifieringen med utfall VERIFIED och ert omdöme (varför) (POST /cases/${entity.id}/verification med judgement).`,
            'Kan samtalet inte styrkas: registrera NOT_VERIFIED, så går ärendet tillbaka till servicedesken.',
          ],
        });
    }
  }
}
