import { MessagePattern } from '@nestjs/microservices';
import { canFileFor } from '@accessdesk/access';
import { CaseReceivedV1, CaseView, CompleteCaseV1, EmergencyCallReceivedV1, Envelope, RpcReply, problem } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers, Regions } from '@accessdesk/platform';
import { aboutCase, emergencyCallEvent, receivedEvent } from '../domain/case/case-events';
import { CaseCommand } from '../domain/case/case-command.service';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { caseStateConflict } from '../domain/case/case-problems';
import { CaseRepository } from '../domain/case/case.repository';
import { filedFormProblem } from '../domain/registration/filed-form';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';
import { emergencyCallNote } from '../rules/r12-emergency-lock';

/**
 * R4: the requester supplies what a return for completion asked for, on a case of their own unit;
 * the checks on receipt run again. An emergency lock not executed on (R12) is completed by the desk,
 * and the staff directory is asked again.
 */
@MessageHandlers()
export class CompleteCaseHandler {
  constructor(
    private readonly messaging: Messaging,
    private readonly command: CaseCommand,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
    private readonly regions: Regions,
  ) {}

  @MessagePattern(CompleteCaseV1.type, { contract: CompleteCaseV1, queue: 'rpc' })
  @ForEndpoint('POST /cases/{id}/completion')
  answer(@Message() envelope: Envelope<CompleteCaseV1>): Promise<RpcReply<CaseView>> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.command.run(envelope, (e) => canFileFor(actor, e.requestingUnitHsaId), async (manager, entity) => {
      if (entity.status !== 'RETURNED_FOR_COMPLETION') return caseStateConflict(entity.status);
      const merged = {
        ...entity.request,
        ...(request.resident ? { resident: request.resident } : {}),
        ...(request.signature ? { signature: request.signature } : {}),
        ...(request.decision ? { decision: request.decision } : {}),
        ...(request.patientInformed ? { patientInformed: request.patientInformed } : {}),
        ...(request.emergencyCall ? { emergencyCall: request.emergencyCall } : {}),
      };
      const region = this.regions.get(entity.region);
      const refused = filedFormProblem(merged, actor, region);
      if (refused) return refused;
      if (merged.resident.personnummer !== entity.residentPersonnummer) {
        return problem('resident-cannot-change', 422, 'The resident cannot be changed by a completion', 'A case is about one resident; void it and file a new case for another.');
      }
      entity.request = merged;
      await this.cases.saveRequest(manager, entity);
      if (entity.channel === 'EMERGENCY_PHONE') {
        // R12: an emergency lock not executed on is completed by the desk; the directory is asked again.
        const call = request.emergencyCall ? `; ${emergencyCallNote(request.emergencyCall)}` : '';
        await this.lifecycle.move(manager, entity, 'VERIFYING', actor, envelope, { note: `Kompletterat${call}`, freeText: request.comment });
        await this.inbox.closeOpen(manager, entity.id, ['EMERGENCY_CALL'], actor.sub, 'COMPLETED');
        await this.messaging.publish(manager, envelope, EmergencyCallReceivedV1, emergencyCallEvent(entity, new Date()), aboutCase(entity));
        return null;
      }
      await this.lifecycle.move(manager, entity, 'VERIFYING', actor, envelope, { note: 'Kompletterat; kontrolleras på nytt (R4)', freeText: request.comment });
      await this.messaging.publish(manager, envelope, CaseReceivedV1, receivedEvent(entity, new Date()), aboutCase(entity));
      return null;
    });
  }
}
