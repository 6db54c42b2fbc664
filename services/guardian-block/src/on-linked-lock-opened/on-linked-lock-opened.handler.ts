import { Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, LinkedLockOpenedV1 } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/**
 * R18: intake registered the child's login lock as its own LOGIN_LOCK case. The guardian block
 * keeps its id and registry number, so the contact centre and the confirmation can name it; it is
 * unlocked by a case of its own later (R11), never from here.
 */
@MessageHandlers()
export class OnLinkedLockOpenedHandler {
  private readonly logger = new Logger(OnLinkedLockOpenedHandler.name);

  constructor(private readonly store: GuardianBlockStore) {}

  @EventPattern(LinkedLockOpenedV1.type, { contract: LinkedLockOpenedV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<LinkedLockOpenedV1>, @Payload() opened: LinkedLockOpenedV1, @InboxTransaction() manager: EntityManager): Promise<void> {
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
