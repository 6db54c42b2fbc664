import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Envelope, EmailSentV1 } from '@accessdesk/contracts';
import { GuardianUnblockEntity } from '../guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/** The notification kinds that confirm a guardian block or unblock (R8, 002). */
export const BLOCK_CONFIRMATION = 'GUARDIAN_BLOCK_CONFIRMATION';
export const UNBLOCK_CONFIRMATION = 'GUARDIAN_UNBLOCK_CONFIRMATION';

/**
 * R18, R19 (002) "Kontaktcenter … skickar bekräftelse till de e-postadresser som angivits": the
 * confirmation went out. Each conclusion has its own e-mail (a failure, then the block done on a
 * retry), so each is noted and the block shows the latest; an unblock's confirmation goes to the
 * oldest completed unblock still waiting for one. A redelivered message is stopped by the inbox.
 * Every other e-mail (intake's feedback, reminders) is not ours and passes without a word.
 */
@Injectable()
export class OnConfirmationSentService {
  constructor(private readonly store: GuardianBlockStore) {}

  async handle(envelope: Envelope<EmailSentV1>, sent: EmailSentV1, manager: EntityManager): Promise<void> {
    if (sent.kind !== BLOCK_CONFIRMATION && sent.kind !== UNBLOCK_CONFIRMATION) return;
    const entity = await this.store.findForUpdate(manager, sent.caseId);
    if (!entity) return;
    const sentAt = new Date(sent.sentAt);
    if (sent.kind === BLOCK_CONFIRMATION) {
      if (entity.confirmationSentAt && entity.confirmationSentAt >= sentAt) return;
      entity.confirmationSentAt = sentAt;
      await this.store.note(manager, entity, envelope.actor, `Bekräftelse skickad till angivna e-postadresser (${sent.recipients} mottagare)`);
      return;
    }
    // The oldest completed unblock still waiting for its confirmation is the one this confirms.
    const unblocks = manager.getRepository(GuardianUnblockEntity);
    const unblock = await unblocks.findOne({
      where: { guardianBlockId: entity.id, completedAt: Not(IsNull()), confirmationSentAt: IsNull() },
      order: { completedAt: 'ASC' },
    });
    if (!unblock) return;
    await unblocks.update({ id: unblock.id }, { confirmationSentAt: sentAt });
    await this.store.note(manager, entity, envelope.actor, `Bekräftelse om borttagen blockering skickad till angivna e-postadresser (${sent.recipients} mottagare)`);
  }
}
