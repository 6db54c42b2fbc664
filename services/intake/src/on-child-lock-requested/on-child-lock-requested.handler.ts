import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CaseRequest, ChildLockRequestedV1, Envelope, LinkedLockOpenedV1, systemActor } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { aboutCase } from '../domain/case/case-events';
import { CaseRepository } from '../domain/case/case.repository';
import { CaseRegistration } from '../domain/registration/case-registration.service';

/** The idempotency owner of child locks: one per guardian block, however often asked. */
const OWNER = 'guardian-block';

/**
 * R18: blocking a guardian also locks the child's login (002). The lock is a LOGIN_LOCK case of its
 * own, checked and executed like any lock and unlocked separately later; guardian-block is told its
 * id and registry number. The form's rules were checked by guardian-block (the unit head decided).
 */
@MessageHandlers()
export class OnChildLockRequestedHandler {
  private readonly logger = new Logger(OnChildLockRequestedHandler.name);

  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly registration: CaseRegistration,
  ) {}

  @EventPattern(ChildLockRequestedV1.type, { contract: ChildLockRequestedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<ChildLockRequestedV1>, @Payload() asked: ChildLockRequestedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    let entity = await this.cases.findByIdempotencyKey(manager, OWNER, asked.guardianBlockId);
    if (!entity) {
      const request: CaseRequest = {
        type: 'LOGIN_LOCK',
        resident: asked.child,
        channel: asked.channel,
        initiator: { kind: 'STAFF', description: `Blockering av vårdnadshavare ${asked.guardianBlockRegistryNumber}` },
        decision: asked.decision,
        patientInformed: { informed: false, reasonIfNot: `Följer av blockering av vårdnadshavare ${asked.guardianBlockRegistryNumber} (R18)` },
        signature: asked.signature ?? null,
        requestingUnit: asked.requestingUnit,
        relatedCaseId: null,
        sealScope: null,
      };
      const registered = await this.registration.register(manager, {
        request,
        actor: envelope.actor,
        owner: OWNER,
        key: asked.guardianBlockId,
        cause: envelope,
        guardianBlockId: asked.guardianBlockId,
        origin: `barnets inloggning låses när vårdnadshavare blockeras (${asked.guardianBlockRegistryNumber}, R18)`,
      });
      if (!registered.ok) {
        this.logger.warn(`child lock for guardian block ${asked.guardianBlockId} not registered: ${registered.problem.type}`);
        return;
      }
      entity = registered.entity;
    }
    const opened: LinkedLockOpenedV1 = { guardianBlockId: asked.guardianBlockId, caseId: entity.id, registryNumber: entity.registryNumber };
    await this.messaging.publish(manager, envelope, LinkedLockOpenedV1, opened, aboutCase(entity, systemActor('intake', entity.region)));
  }
}
