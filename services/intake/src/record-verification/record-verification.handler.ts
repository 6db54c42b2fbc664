import { MessagePattern } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CaseReturnedV1, CaseView, Envelope, Problem, RecordVerificationV1, RpcReply, problem, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { aboutCase, recipient } from '../domain/case/case-events';
import { CaseCommand } from '../domain/case/case-command.service';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { caseStateConflict } from '../domain/case/case-problems';
import { CaseRepository } from '../domain/case/case.repository';
import { EmergencyPaperwork } from '../domain/paperwork/emergency-paperwork.service';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';

/**
 * R4: the outcome of the service desk's phone call to a signer without a regional staff id — of a
 * filed form, or of the form that followed an emergency lock (R12). R12: for an emergency lock the
 * staff directory could not answer for, VERIFIED with `judgement` is the desk's own documented
 * judgement (who: the operator of the token; why: the text): the lock goes to the staff tool.
 */
@MessageHandlers()
export class RecordVerificationHandler {
  constructor(
    private readonly messaging: Messaging,
    private readonly command: CaseCommand,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
    private readonly paperworkForms: EmergencyPaperwork,
  ) {}

  @MessagePattern(RecordVerificationV1.type, { contract: RecordVerificationV1, queue: 'rpc' })
  @ForEndpoint('POST /cases/{id}/verification')
  answer(@Message() envelope: Envelope<RecordVerificationV1>): Promise<RpcReply<CaseView>> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.command.run(envelope, () => true, async (manager, entity) => {
      if (entity.status === 'MANUAL_VERIFICATION' && entity.channel === 'EMERGENCY_PHONE') return this.judgeEmergency(manager, entity, envelope);
      if (request.judgement !== undefined) {
        return problem('judgement-not-applicable', 422, 'A judgement is recorded only for an emergency lock the staff directory could not answer for (R12)', 'Record the phone call to the signer with outcome, calledAt and note.');
      }
      if (!request.calledAt) return problem('called-at-missing', 422, 'Say when the signer was phoned (R4)', 'calledAt is when the desk phoned the signer.');
      const calledAt = request.calledAt.slice(0, 16).replace('T', ' ');
      if (entity.paperwork === 'MANUAL_VERIFICATION') {
        // R12 R4: the signer of an emergency lock's form, phoned by the desk (000 §6.9).
        await this.inbox.closeOpen(manager, entity.id, ['MANUAL_VERIFICATION'], actor.sub, request.outcome);
        if (request.outcome === 'VERIFIED') {
          await this.paperworkForms.accept(manager, entity, envelope, `Blankettens signerare verifierad per telefon ${calledAt}: ${request.note}; blanketten godkänd, påminnelserna upphör (R12, R4)`);
        } else {
          await this.paperworkForms.sendBack(manager, entity, envelope, [`signerarens identitet kunde inte verifieras per telefon: ${request.note}`]);
        }
        return null;
      }
      if (entity.status !== 'MANUAL_VERIFICATION') return caseStateConflict(entity.status);
      await this.inbox.closeOpen(manager, entity.id, ['MANUAL_VERIFICATION'], actor.sub, request.outcome);
      if (request.outcome === 'VERIFIED') {
        await this.lifecycle.move(manager, entity, 'READY', actor, envelope, { note: `Signerarens identitet verifierad per telefon ${calledAt}`, freeText: request.note });
        await this.lifecycle.execute(manager, entity, systemActor('intake', entity.region), envelope);
        return null;
      }
      const reason = `signerarens identitet kunde inte verifieras per telefon: ${request.note}`;
      await this.lifecycle.move(manager, entity, 'RETURNED_FOR_COMPLETION', actor, envelope, { note: 'Returnerat för komplettering: signerarens identitet kunde inte verifieras per telefon', freeText: request.note });
      const returned: CaseReturnedV1 = {
        caseId: entity.id,
        registryNumber: entity.registryNumber,
        caseType: entity.type,
        reasons: [reason],
        requestingUnit: recipient(entity),
        at: new Date().toISOString(),
        protectedIdentity: entity.protectedIdentity,
      };
      await this.messaging.publish(manager, envelope, CaseReturnedV1, returned, aboutCase(entity));
      return null;
    });
  }

  /**
   * R12: the staff directory did not answer for an emergency lock. An emergency must not wait for a
   * register: the desk executes on its own documented judgement (recorded on the timeline and in the
   * audit trail), or, NOT_VERIFIED, the lock is not executed and goes back to the desk.
   */
  private async judgeEmergency(manager: EntityManager, entity: CaseEntity, envelope: Envelope<RecordVerificationV1>): Promise<Problem | null> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    if (request.outcome === 'VERIFIED') {
      const judgement = request.judgement?.trim();
      if (!judgement) {
        return problem(
          'judgement-missing',
          422,
          'Document the judgement the emergency lock is executed on (R12)',
          'The staff directory could not answer for this emergency lock. To execute it on the service desk’s own judgement, say why in judgement.',
        );
      }
      await this.inbox.closeOpen(manager, entity.id, ['MANUAL_VERIFICATION'], actor.sub, 'VERIFIED_ON_JUDGEMENT');
      const note = `Verkställs på servicedeskens eget dokumenterade omdöme då personalkatalogen inte svarade: ${actor.name} (${actor.sub}): ${judgement}${request.note ? ` – ${request.note}` : ''} (R12)`;
      await this.lifecycle.move(manager, entity, 'READY', actor, envelope, note);
      await this.cases.audit(manager, 'CASE_UPDATED', actor, entity, `R12 eget omdöme av ${actor.sub}: ${judgement}`);
      await this.lifecycle.executeEmergency(manager, entity, actor, envelope, 'Nödspärr på servicedeskens eget omdöme: verkställs direkt');
      return null;
    }
    if (request.judgement !== undefined) return problem('judgement-not-applicable', 422, 'A judgement is recorded only to execute (R12)', 'Leave judgement out when the call cannot be borne out (NOT_VERIFIED).');
    await this.inbox.closeOpen(manager, entity.id, ['MANUAL_VERIFICATION'], actor.sub, request.outcome);
    const reason = `servicedesken kunde inte styrka samtalet: ${request.note}`;
    await this.lifecycle.move(manager, entity, 'RETURNED_FOR_COMPLETION', actor, envelope, `Nödspärren verkställs inte: ${reason} (R12)`);
    await this.inbox.openEmergencyCall(manager, entity, [reason]);
    return null;
  }
}
