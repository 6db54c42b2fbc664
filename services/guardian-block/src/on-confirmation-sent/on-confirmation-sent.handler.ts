import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager, IsNull, Not } from 'typeorm';
import { EmailSentV1, Envelope, NotificationKind } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianUnblockEntity } from '../guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/** The e-mails that confirm a guardian block (R18, R20) or an unblock (R19); every other kind is about an intake case. */
const CONFIRMATIONS: ReadonlySet<NotificationKind> = new Set(['GUARDIAN_BLOCK_CONFIRMATION', 'GUARDIAN_UNBLOCK_CONFIRMATION']);

/**
 * R18, R19 (002) "Kontaktcenter … skickar bekräftelse till de e-postadresser som angivits": the
 * confirmation went out. Each conclusion has its own e-mail (a failure, then the block done on a
 * retry), so each is noted and the block shows the latest; an unblock's confirmation goes to the
 * oldest completed unblock still waiting for one. A redelivered message is stopped by the inbox.
 * Every other e-mail (intake's feedback, reminders) is not ours and passes without a word.
 */
@MessageHandlers()
export class OnConfirmationSentHandler {
  constructor(private readonly store: GuardianBlockStore) {}

  @EventPattern(EmailSentV1.type, { contract: EmailSentV1, queue: 'events', when: (sent: EmailSentV1) => CONFIRMATIONS.has(sent.kind) })
  async handle(@Message() envelope: Envelope<EmailSentV1>, @Payload() sent: EmailSentV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    // Not ours: intake's e-mails (feedback, returns, reminders, escalations).
    if (!CONFIRMATIONS.has(sent.kind)) return;
    const entity = await this.store.findForUpdate(manager, sent.caseId);
    if (!entity) return;
    const sentAt = new Date(sent.sentAt);
    if (sent.kind === 'GUARDIAN_BLOCK_CONFIRMATION') {
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
