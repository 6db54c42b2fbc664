import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, LinkedLockOpenedV1 } from '@accessdesk/contracts';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * R18: intake registered the child's login lock as its own LOGIN_LOCK case. The guardian block
 * keeps its id and registry number, so the contact centre and the confirmation can name it; it is
 * unlocked by a case of its own later (R11), never from here.
 */
@Injectable()
export class OnLinkedLockOpenedService {
  private readonly logger = new Logger(OnLinkedLockOpenedService.name);

  constructor(private readonly store: GuardianBlockStore) {}

  async handle(envelope: Envelope<LinkedLockOpenedV1>, opened: LinkedLockOpenedV1, manager: EntityManager): Promise<void> {
    const entity = await this.store.findForUpdate(manager, opened.guardianBlockId);
    if (!entity) {
      this.logger.warn(`linked lock ${opened.caseId} for unknown guardian block ${opened.guardianBlockId} ignored`);
      return;
    }
    if (entity.linkedLockCaseId) return;
    entity.linkedLockCaseId = opened.caseId;
    entity.linkedLockRegistryNumber = opened.registryNumber;
    await this.store.note(manager, entity, envelope.actor, `Barnets inloggning låses i eget ärende ${opened.registryNumber}`);
  }
}
