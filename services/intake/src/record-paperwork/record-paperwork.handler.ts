import { MessagePattern } from '@nestjs/microservices';
import { CaseReceivedV1, CaseView, Envelope, RecordPaperworkV1, RpcReply, problem } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { aboutCase, receivedEvent } from '../domain/case/case-events';
import { CaseCommand } from '../domain/case/case-command.service';
import { CaseRepository } from '../domain/case/case.repository';
import { decisionReasonsProblem } from '../rules/r11-unlock-reasons';
import { paperworkAccepted } from '../rules/r12-emergency-lock';
import { documentedAssessmentProblem } from '../rules/r2-documented-assessment';
import { patientInformedProblem } from '../rules/r3-patient-informed';

/**
 * R12: the service desk records the form that follows an emergency lock; from staff it carries the
 * documentation (R2, R3). It gets the full checks on receipt (R1, R4) asynchronously, as a filed
 * form: the paperwork is CHECKING until identity-check answers (on-case-checked). A form that failed
 * may be sent again.
 */
@MessageHandlers()
export class RecordPaperworkHandler {
  constructor(
    private readonly messaging: Messaging,
    private readonly command: CaseCommand,
    private readonly cases: CaseRepository,
  ) {}

  @MessagePattern(RecordPaperworkV1.type, { contract: RecordPaperworkV1, queue: 'rpc' })
  @ForEndpoint('POST /cases/{id}/paperwork')
  answer(@Message() envelope: Envelope<RecordPaperworkV1>): Promise<RpcReply<CaseView>> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.command.run(envelope, () => true, async (manager, entity) => {
      if (!paperworkAccepted(entity.paperwork)) {
        return problem('no-paperwork-pending', 409, 'No form is awaited for this case (R12)', `The case's paperwork is ${entity.paperwork}.`);
      }
      // The form follows a lock that went to the staff tool; one the directory has not borne out yet
      // is completed or voided first (its own inbox item says how).
      if (!entity.actionId) {
        return problem('emergency-lock-not-executed', 409, 'The emergency lock has not been executed yet (R12)', `The case is ${entity.status}; record its form once the lock has gone to the staff tool.`);
      }
      if (request.resident && request.resident.personnummer !== entity.residentPersonnummer) {
        return problem('resident-cannot-change', 422, 'The form is about another resident (R4)', 'The form that follows an emergency lock names the resident of the case; check the personnummer on the form.');
      }
      if (entity.paperworkSender === 'STAFF') {
        if (!request.signature || !request.decision || !request.patientInformed) {
          return problem('paperwork-incomplete', 422, 'The form from staff is incomplete (R12)', 'The form that follows an emergency lock carries the signature, the documented decision (R2) and whether the patient was informed (R3).');
        }
        const refused = documentedAssessmentProblem(request.decision) ?? decisionReasonsProblem({ type: entity.type, decision: request.decision }) ?? patientInformedProblem(request.patientInformed);
        if (refused) return refused;
        entity.request = { ...entity.request, signature: request.signature, decision: request.decision, patientInformed: request.patientInformed };
      }
      if (request.resident) entity.request = { ...entity.request, resident: request.resident };
      await this.cases.saveRequest(manager, entity);
      const sender = entity.paperworkSender ?? 'STAFF';
      const again = entity.paperwork === 'RETURNED_FOR_COMPLETION' ? 'kompletterade ' : '';
      entity.paperwork = 'CHECKING';
      await this.cases.save(manager, entity);
      const from = sender === 'RESIDENT' ? 'invånaren' : 'vårdpersonalen';
      const checks = sender === 'RESIDENT' ? 'personnummer och namn mot folkbokföringen (R4)' : 'kontroller vid mottagande (R1, R4)';
      await this.cases.note(manager, entity, actor, {
        note: `Den ${again}blanketten från ${from} mottagen ${request.receivedAt.slice(0, 10)} (ankomststämplad, R12); ${checks} pågår`,
        freeText: request.note,
      });
      await this.messaging.publish(manager, envelope, CaseReceivedV1, receivedEvent(entity, new Date(request.receivedAt), sender), aboutCase(entity));
      return null;
    });
  }
}
