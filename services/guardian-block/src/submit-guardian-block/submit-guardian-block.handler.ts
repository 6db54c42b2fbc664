import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  ChildLockRequestedV1,
  Envelope,
  ExecuteActionV1,
  GuardianBlockConcludedV1,
  GuardianBlockRequest,
  GuardianBlockView,
  Problem,
  RpcReply,
  SubmitGuardianBlockV1,
  systemActor,
} from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers, Regions } from '@accessdesk/platform';
import { createIdempotently, requestHashOf } from '@accessdesk/persistence';
import { GuardianBlockEntity } from '../guardian-blocks/guardian-block.entity';
import { NOT_YOUR_UNIT, mayFileFor } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore, TimelineStep } from '../guardian-blocks/guardian-block-store';
import { STATUS_TEXT } from '../guardian-blocks/guardian-block-status';
import { ResidentLookupService } from '@accessdesk/platform';
import { DecisionAuthorityService } from '../decision-authority/decision-authority.service';
import { NEEDS_UNIT_HEAD, decidedByUnitHead } from '../rules/r1-unit-head-decides';
import { nextRegistryNumber } from '../rules/r6-registry-number';
import {
  CHILD_NOT_A_MINOR,
  GUARDIAN_LISTED_TWICE,
  GUARDIAN_NOT_LISTED,
  RESIDENT_NOT_FOUND,
  allListedAsGuardians,
  hasDuplicates,
  isMinor,
} from '../rules/r18-child-and-guardians';
import { BLOCK_EFFECTS } from '../rules/r18-effects';
import { draftBlockNote } from '../rules/r18-ehr-note';
import { BLOCK_FOLLOW_UP_TASKS } from '../rules/r18-follow-up-tasks';
import { ALREADY_IN_EFFECT_EFFECTS } from '../rules/r20-effects';
import { alreadyInEffect } from '../rules/r20-protected-child';
import { channelNotOffered } from '../rules/r24-channel-offered';

const SERVICE = 'guardian-block';

/**
 * R18 blockera vårdnadshavare: registers a guardian block filed by a unit head or the contact centre.
 * Checks the decision (R1: stated as the unit head's, and the staff directory agrees), the channel (R24), the child's age and the guardians against the
 * population register (R18); a protected child 0–12 is registered as already in effect with nothing
 * executed (R20). Otherwise the block goes to the staff tool and the child's login lock to intake,
 * with the follow-up tasks and the EHR note, all in one transaction with the outbox and the audit
 * trail. The same `Idempotency-Key` from the same caller answers the same case.
 */
@MessageHandlers()
export class SubmitGuardianBlockHandler {
  private readonly logger = new Logger(SubmitGuardianBlockHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly dataSource: DataSource,
    private readonly store: GuardianBlockStore,
    private readonly regions: Regions,
    private readonly register: ResidentLookupService,
    private readonly authority: DecisionAuthorityService,
  ) {}

  /** The role is checked again here, not only at the gateway: the request carries the verified caller. */
  @MessagePattern(SubmitGuardianBlockV1.type, { contract: SubmitGuardianBlockV1, queue: 'rpc' })
  @ForEndpoint('POST /guardian-blocks')
  async answer(@Message() envelope: Envelope<SubmitGuardianBlockV1>): Promise<RpcReply<GuardianBlockView>> {
    const { request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    if (!mayFileFor(actor, request.requestingUnit.hsaId)) return { ok: false, problem: NOT_YOUR_UNIT };

    const requestHash = requestHashOf(request);
    return createIdempotently(this.dataSource, {
      requestHash,
      uniqueIndex: 'guardian_blocks_idempotency',
      findCreated: (manager) => manager.getRepository(GuardianBlockEntity).findOneBy({ idempotencyOwner: actor.sub, idempotencyKey }),
      // A replay shows the case again: a read like any other (R23).
      answerAgain: (manager, existing) => this.store.read(manager, existing, actor, 'samma begäran igen (Idempotency-Key)'),
      create: () => this.create(envelope, requestHash),
    });
  }

  /** The checks of a new request, then the registration in one transaction. */
  private async create(envelope: Envelope<SubmitGuardianBlockV1>, requestHash: string): Promise<RpcReply<GuardianBlockView>> {
    const { request, idempotencyKey } = envelope.payload;
    const actor = envelope.actor;
    const now = new Date();
    const refused = this.refusal(request, actor.region, now);
    if (refused) return { ok: false, problem: refused };

    // R1: the unit head as the staff directory knows them, not as the request says; asked before the
    // child is looked up, so a request nobody may decide asks nothing of the population register.
    const noAuthority = await this.authority.refusal('GUARDIAN_BLOCK', request.decision.decidedBy.hsaId, envelope);
    if (noAuthority) return { ok: false, problem: noAuthority };

    const lookup = await this.register.lookUp(request.child.personnummer, envelope);
    if (!lookup.ok) return lookup;
    if (!lookup.resident.found) return { ok: false, problem: RESIDENT_NOT_FOUND };
    const guardians = request.guardians.map((g) => g.personnummer);
    if (!allListedAsGuardians(guardians, lookup.resident.guardians)) return { ok: false, problem: GUARDIAN_NOT_LISTED };
    const inEffect = alreadyInEffect(request.child.personnummer, lookup.resident.protectedIdentity, now);

    return this.messaging.transaction(async (manager) => {
      const id = randomUUID();
      const actionId = inEffect ? null : randomUUID();
      // The registry counter row stays locked until commit: take it late, and do little after it.
      const registryNumber = await nextRegistryNumber(manager, actor.region, now);
      const status = inEffect ? 'ALREADY_IN_EFFECT' : 'EXECUTING';
      const entity = manager.getRepository(GuardianBlockEntity).create({
        id,
        registryNumber,
        region: actor.region,
        status,
        childPersonnummer: request.child.personnummer,
        urgent: request.urgent,
        channel: request.channel,
        request,
        requestedBy: actor,
        requestingUnitHsaId: request.requestingUnit.hsaId,
        guardians: guardians.map((personnummer) => ({ personnummer, blocked: false })),
        ehrNote: draftBlockNote({
          registryNumber,
          guardianCount: guardians.length,
          decidedBy: request.decision.decidedBy,
          decidedAt: request.decision.decidedAt,
          motivation: request.decision.motivation,
          guardianInformedBy: request.guardianInformedBy,
          concernReported: request.concernReported,
          period: request.period,
          alreadyInEffect: inEffect,
        }),
        effects: [...(inEffect ? ALREADY_IN_EFFECT_EFFECTS : BLOCK_EFFECTS)],
        outcome: null,
        actionId,
        linkedLockCaseId: null,
        linkedLockRegistryNumber: null,
        confirmationSentAt: null,
        idempotencyOwner: actor.sub,
        idempotencyKey,
        requestHash,
        createdAt: now,
        updatedAt: now,
      });
      const timeline: TimelineStep[] = [
        { at: now, status: 'RECEIVED', by: actor.sub, note: `${STATUS_TEXT.RECEIVED} som ${registryNumber}${request.urgent ? ' (brådskande)' : ''}` },
        { at: now, status, by: `system:${SERVICE}`, note: STATUS_TEXT[status] },
      ];
      await this.store.insert(manager, entity, timeline, BLOCK_FOLLOW_UP_TASKS, actor);

      // The block is its own case: its messages carry its id, in the caller's region.
      const about = { correlationId: id, region: actor.region };
      if (actionId) {
        await this.messaging.publish(
          manager,
          envelope,
          ExecuteActionV1,
          { actionId, caseId: id, registryNumber, action: 'GUARDIAN_BLOCK', personnummer: request.child.personnummer, guardianPersonnummer: guardians },
          about,
        );
        // R18: "När en vårdnadshavare blockeras låses även barnets inloggning": intake opens it as its own case.
        await this.messaging.publish(
          manager,
          envelope,
          ChildLockRequestedV1,
          {
            guardianBlockId: id,
            guardianBlockRegistryNumber: registryNumber,
            child: request.child,
            channel: request.channel,
            decision: request.decision,
            signature: request.signature ?? null,
            requestingUnit: request.requestingUnit,
            requestedAt: now.toISOString(),
          },
          about,
        );
      } else {
        // R20: nothing to execute and no lock of the child, but the requester is still told.
        await this.messaging.publish(manager, envelope, GuardianBlockConcludedV1, this.alreadyInEffect(entity, now), { ...about, actor: systemActor(SERVICE, actor.region) });
      }
      this.logger.log(`guardian block ${id} registered as ${registryNumber}, ${status}`);
      return { ok: true as const, body: await this.store.view(manager, entity) };
    });
  }

  /** What can be refused from the request alone, before the population register is asked. */
  private refusal(request: GuardianBlockRequest, regionCode: string, now: Date): Problem | null {
    if (!decidedByUnitHead(request.decision)) return NEEDS_UNIT_HEAD;
    const channel = channelNotOffered(this.regions.find(regionCode), regionCode, request.channel);
    if (channel) return channel;
    if (!isMinor(request.child.personnummer, now)) return CHILD_NOT_A_MINOR;
    if (hasDuplicates(request.guardians.map((g) => g.personnummer))) return GUARDIAN_LISTED_TWICE;
    return null;
  }

  private alreadyInEffect(entity: GuardianBlockEntity, now: Date): GuardianBlockConcludedV1 {
    return {
      guardianBlockId: entity.id,
      registryNumber: entity.registryNumber,
      kind: 'BLOCK',
      outcome: 'ALREADY_IN_EFFECT',
      guardianCount: entity.guardians.length,
      confirmationEmails: entity.request.confirmationEmails,
      requestingUnitName: entity.request.requestingUnit.name,
      urgent: entity.urgent,
      effects: entity.effects,
      linkedLockRegistryNumber: null,
      concludedAt: now.toISOString(),
    };
  }
}
