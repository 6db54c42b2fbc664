import { MessagePattern } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { canFileFor, canReadCase } from '@accessdesk/access';
import {
  CaseRequest,
  DecideReviewV1,
  Envelope,
  ReviewDecidedV1,
  ReviewDecisionView,
  RpcReply,
  problem,
} from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers, Regions } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { aboutCase } from '../domain/case/case-events';
import { CaseRepository } from '../domain/case/case.repository';
import { CaseRegistration } from '../domain/registration/case-registration.service';
import { filedFormProblem } from '../domain/registration/filed-form';

const REVIEW_NOT_FOUND = problem('review-not-found', 404, 'Review not found', 'No review with this id is visible to you.');

/**
 * R9 the three-month review of a lock, decided by the requesting unit: KEEP_LOCKED changes nothing
 * more; UNLOCK is a new assessment with a documented decision (R11) and opens the LOGIN_UNLOCK case
 * that lifts the lock (R10). Either way review-scheduler stops reminding.
 */
@MessageHandlers()
export class DecideReviewHandler {
  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly registration: CaseRegistration,
    private readonly regions: Regions,
  ) {}

  @MessagePattern(DecideReviewV1.type, { contract: DecideReviewV1, queue: 'rpc' })
  @ForEndpoint('POST /reviews/{id}/decision')
  async answer(@Message() envelope: Envelope<DecideReviewV1>): Promise<RpcReply<ReviewDecisionView>> {
    const actor = envelope.actor;
    const { reviewId, request, idempotencyKey } = envelope.payload;
    return this.messaging.transaction(async (manager) => {
      const lock = await manager.getRepository(CaseEntity).findOne({ where: { reviewId }, lock: { mode: 'pessimistic_write' } });
      const visible = lock && canReadCase(actor, { region: lock.region, requestingUnitHsaId: lock.requestingUnitHsaId, kind: 'CASE' }) && canFileFor(actor, lock.requestingUnitHsaId);
      if (!lock || !visible) return { ok: false as const, problem: REVIEW_NOT_FOUND };
      if (lock.reviewOutcome) {
        // Decided before: the same decision again answers as before; another one is refused.
        if (lock.reviewOutcome === request.outcome) return { ok: true as const, body: await this.view(manager, lock) };
        return { ok: false as const, problem: problem('review-already-decided', 409, 'The review is already decided (R9)', `It was decided ${lock.reviewOutcome}.`) };
      }
      if (lock.liftedByCaseId) {
        // Unlocked by a case of its own meanwhile: "the login stays locked" would be untrue.
        return { ok: false as const, problem: problem('lock-already-lifted', 409, 'The lock is already lifted (R9, R10)', 'The login was unlocked by a later case; there is nothing left to review.') };
      }
      let unlockCaseId: string | null = null;
      if (request.outcome === 'UNLOCK') {
        const unlock: CaseRequest = {
          type: 'LOGIN_UNLOCK',
          resident: { personnummer: lock.residentPersonnummer, name: request.residentName ?? '' },
          channel: this.unlockChannel(lock),
          initiator: { kind: 'STAFF', description: `Omprövning av ${lock.registryNumber}` },
          decision: request.decision,
          patientInformed: request.patientInformed ?? { informed: false, reasonIfNot: null },
          signature: request.signature ?? null,
          requestingUnit: lock.request.requestingUnit,
          relatedCaseId: lock.id,
          sealScope: null,
        };
        const refused = filedFormProblem(unlock, actor, this.regions.get(lock.region));
        if (refused) return { ok: false as const, problem: refused };
        const registered = await this.registration.register(manager, {
          request: unlock,
          actor,
          owner: actor.sub,
          key: idempotencyKey,
          cause: envelope,
          origin: `efter omprövning av ${lock.registryNumber} (R9, R11)`,
        });
        if (!registered.ok) return { ok: false as const, problem: registered.problem };
        unlockCaseId = registered.entity.id;
      }
      lock.reviewOutcome = request.outcome;
      lock.reviewUnlockCaseId = unlockCaseId;
      await this.cases.save(manager, lock);
      await this.cases.note(
        manager,
        lock,
        actor,
        request.outcome === 'KEEP_LOCKED' ? 'Omprövning: inloggningen förblir låst, ingen ytterligare åtgärd (R9)' : 'Omprövning: beslut om upplåsning, nytt ärende öppnat (R9, R11)',
      );
      const decided: ReviewDecidedV1 = { reviewId, caseId: lock.id, outcome: request.outcome, decidedBy: actor.sub, decidedAt: new Date().toISOString(), unlockCaseId };
      await this.messaging.publish(manager, envelope, ReviewDecidedV1, decided, aboutCase(lock));
      return { ok: true as const, body: await this.view(manager, lock) };
    });
  }

  private unlockChannel(lock: CaseEntity): CaseRequest['channel'] {
    const offered = this.regions.get(lock.region).channels.filter((c) => c !== 'EMERGENCY_PHONE');
    return offered.includes('E_FORM') ? 'E_FORM' : (offered[0] ?? 'FORM');
  }

  private async view(manager: EntityManager, lock: CaseEntity): Promise<ReviewDecisionView> {
    const unlock = lock.reviewUnlockCaseId ? await manager.getRepository(CaseEntity).findOneBy({ id: lock.reviewUnlockCaseId }) : null;
    return {
      reviewId: lock.reviewId as string,
      lockCaseId: lock.id,
      outcome: lock.reviewOutcome ?? 'KEEP_LOCKED',
      unlockCaseId: unlock?.id ?? null,
      unlockRegistryNumber: unlock?.registryNumber ?? null,
    };
  }
}

