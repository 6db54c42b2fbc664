import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Endpoint, canFileFor, canReadCase, mayCall } from '@accessdesk/access';
import {
  Actor,
  CaseReceivedV1,
  CaseReturnedV1,
  CaseView,
  CompleteCaseV1,
  Envelope,
  EmergencyCallReceivedV1,
  Problem,
  RecordPaperworkV1,
  RecordRegistryReferenceV1,
  RecordVerificationV1,
  RpcReply,
  VoidCaseV1,
  normalizePersonnummer,
  problem,
  systemActor,
} from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { Regions } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { aboutCase, emergencyCallEvent, receivedEvent, recipient } from '../domain/case/case-events';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { CASE_NOT_FOUND, caseStateConflict } from '../domain/case/case-problems';
import { CaseRepository } from '../domain/case/case.repository';
import { canMove } from '../domain/case/case-status';
import { EmergencyPaperwork } from '../domain/paperwork/emergency-paperwork.service';
import { filedFormProblem } from '../domain/registration/filed-form';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';
import { decisionReasonsProblem } from '../rules/r11-unlock-reasons';
import { documentedAssessmentProblem } from '../rules/r2-documented-assessment';
import { patientInformedProblem } from '../rules/r3-patient-informed';
import { emergencyCallNote, paperworkAccepted } from '../rules/r12-emergency-lock';

type Reply = RpcReply<CaseView>;
type Step = (manager: EntityManager, entity: CaseEntity) => Promise<Problem | null>;

const ROLE_NOT_ALLOWED = problem('role-not-allowed', 403, 'Not allowed for your role');
/** R6 (000 §6.11): the registry system a region's desk records the form in, unless it names another. */
const DEFAULT_REGISTRY_SYSTEM = 'Plexus';

/**
 * What people do to a case after filing it: the requester completes a returned case (R4), the
 * service desk records a phone verification (R4), the follow-up form of an emergency lock (R12), or
 * voids a wrongly registered case (not an unlock, R11). Each in one transaction, audited, with a 404
 * for a case the caller may not see.
 */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
    private readonly regions: Regions,
    private readonly paperworkForms: EmergencyPaperwork,
  ) {}

  /** R4: supply what the return asked for; the checks on receipt run again. */
  complete(envelope: Envelope<CompleteCaseV1>): Promise<Reply> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.onCase(envelope, 'POST /cases/{id}/completion', (e) => canFileFor(actor, e.requestingUnitHsaId), async (manager, entity) => {
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

  /**
   * R4: the outcome of the service desk's phone call to a signer without a regional staff id — of a
   * filed form, or of the form that followed an emergency lock (R12). R12: for an emergency lock the
   * staff directory could not answer for, VERIFIED with `judgement` is the desk's own documented
   * judgement (who: the operator of the token; why: the text): the lock goes to the staff tool.
   */
  verify(envelope: Envelope<RecordVerificationV1>): Promise<Reply> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.onCase(envelope, 'POST /cases/{id}/verification', () => true, async (manager, entity) => {
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

  /**
   * R12: the form that follows an emergency lock; from staff it carries the documentation (R2, R3).
   * It gets the full checks on receipt (R1, R4) asynchronously, as a filed form: the paperwork is
   * CHECKING until identity-check answers (on-case-checked). A form that failed may be sent again.
   */
  paperwork(envelope: Envelope<RecordPaperworkV1>): Promise<Reply> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.onCase(envelope, 'POST /cases/{id}/paperwork', () => true, async (manager, entity) => {
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

  /** A wrongly registered case is voided (makuleras): only before it reached the staff tool. */
  void(envelope: Envelope<VoidCaseV1>): Promise<Reply> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.onCase(envelope, 'POST /cases/{id}/void', () => true, async (manager, entity) => {
      if (!canMove(entity.status, 'VOIDED')) {
        return problem(
          'void-not-possible',
          409,
          'The case can no longer be voided',
          `The case is ${entity.status}. A case that reached the staff tool is not voided: lift its effect with an unlock (R11).`,
        );
      }
      entity.voidReason = request.reason;
      // R8: the move tells the requester that the case was voided (intake.case.ended.v1, VOIDED).
      await this.lifecycle.move(manager, entity, 'VOIDED', actor, envelope, { note: 'Makulerat', freeText: request.reason }, [request.reason]);
      await this.inbox.closeOpen(manager, entity.id, ['MANUAL_VERIFICATION', 'PAPERWORK', 'FAILED_EXECUTION', 'EMERGENCY_CALL'], actor.sub, 'VOIDED');
      return null;
    });
  }

  /**
   * R6 (000 §6.11): the service desk records the region's own registry reference of the case — the
   * number its registry (e.g. Plexus) gave the form — in any state, also after closure. The same
   * reference again changes nothing; another one replaces it, and the timeline keeps both.
   */
  registryReference(envelope: Envelope<RecordRegistryReferenceV1>): Promise<Reply> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.onCase(envelope, 'POST /cases/{id}/registry-reference', () => true, async (manager, entity) => {
      const system = request.system?.trim() || DEFAULT_REGISTRY_SYSTEM;
      const reference = request.reference.trim();
      // A personnummer typed into the wrong field would end up in the timeline and the audit trail.
      if (normalizePersonnummer(reference)) {
        return problem('registry-reference-is-personnummer', 422, 'That is a personnummer, not a registry reference (R6)', 'Give the number the registry gave the case (e.g. its Plexus number).');
      }
      const current = entity.registryReference;
      if (current && current.system === system && current.reference === reference) return null;
      entity.registryReference = { system, reference, recordedBy: actor.sub, recordedAt: new Date().toISOString() };
      await this.cases.save(manager, entity);
      await this.cases.note(manager, entity, actor, current ? `Diarienummer i ${system} ändrat till ${reference} (tidigare ${current.reference}, R6)` : `Diarienummer i ${system}: ${reference} (R6)`);
      return null;
    });
  }

  /**
   * Runs `step` on a case the caller may see (else 404), with the role of `endpoint` and, for the
   * desk's endpoints, the caller's region; answers the case as it then is.
   */
  private async onCase(
    envelope: Envelope<{ caseId: string }>,
    endpoint: Endpoint,
    mayAct: (entity: CaseEntity) => boolean,
    step: Step,
  ): Promise<Reply> {
    const actor: Actor = envelope.actor;
    if (!mayCall(endpoint, actor.roles)) return { ok: false, problem: ROLE_NOT_ALLOWED };
    return this.messaging.transaction(async (manager) => {
      const entity = await this.cases.findForUpdate(manager, envelope.payload.caseId);
      if (!entity || !canReadCase(actor, { region: entity.region, requestingUnitHsaId: entity.requestingUnitHsaId, kind: 'CASE' }) || !mayAct(entity)) {
        return { ok: false as const, problem: CASE_NOT_FOUND };
      }
      const refused = await step(manager, entity);
      if (refused) return { ok: false as const, problem: refused };
      return { ok: true as const, body: await this.cases.view(manager, entity) };
    });
  }
}
