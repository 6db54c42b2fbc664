import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRequest, ChildLockRequestedV1, Envelope, LinkedLockOpenedV1, systemActor } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { RegisterCase } from '../submit-case/register-case';

/** The idempotency owner of child locks: one per guardian block, however often asked. */
const OWNER = 'guardian-block';

/**
 * R18: blocking a guardian also locks the child's login (002). The lock is a LOGIN_LOCK case of its
 * own, checked and executed like any lock and unlocked separately later; guardian-block is told its
 * id and registry number. The form's rules were checked by guardian-block (the unit head decided).
 */
@Injectable()
export class OnChildLockRequestedService {
  private readonly logger = new Logger(OnChildLockRequestedService.name);

  constructor(
    private readonly cases: CaseStore,
    private readonly register: RegisterCase,
  ) {}

  async handle(envelope: Envelope<ChildLockRequestedV1>, asked: ChildLockRequestedV1, manager: EntityManager): Promise<void> {
    let entity = await manager.getRepository(CaseEntity).findOneBy({ idempotencyOwner: OWNER, idempotencyKey: asked.guardianBlockId });
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
      const registered = await this.register.register(manager, {
        request,
        actor: envelope.actor,
        owner: OWNER,
        key: asked.guardianBlockId,
        causationId: envelope.id,
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
    await this.cases.publish(manager, LinkedLockOpenedV1, opened, entity, envelope, systemActor('intake', entity.region));
  }
}
