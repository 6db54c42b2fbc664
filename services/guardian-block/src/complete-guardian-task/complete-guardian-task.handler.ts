import { MessagePattern } from '@nestjs/microservices';
import { CompleteGuardianTaskV1, Envelope, GuardianBlockView, RpcReply, problem } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { GuardianTaskEntity } from '../guardian-blocks/guardian-block.entity';
import { GUARDIAN_BLOCK_NOT_FOUND, mayRead } from '../guardian-blocks/guardian-block-access';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';
import { taskDoneNote } from '../rules/r18-follow-up-tasks';

export const TASK_NOT_FOUND = problem('guardian-task-not-found', 404, 'Task not found', 'This guardian block has no task with this id.');

/**
 * R18: the contact centre marks a follow-up task done (who, when, a note). A task already done is
 * answered as it stands, so a repeated call changes nothing. The last task done closes the block
 * and reduces its free text (R8).
 */
@MessageHandlers()
export class CompleteGuardianTaskHandler {
  constructor(
    private readonly messaging: Messaging,
    private readonly store: GuardianBlockStore,
  ) {}

  @MessagePattern(CompleteGuardianTaskV1.type, { contract: CompleteGuardianTaskV1, queue: 'rpc' })
  @ForEndpoint('PATCH /guardian-blocks/{id}/tasks/{taskId}')
  async answer(@Message() envelope: Envelope<CompleteGuardianTaskV1>): Promise<RpcReply<GuardianBlockView>> {
    const actor = envelope.actor;
    const { guardianBlockId, taskId, request } = envelope.payload;
    return this.messaging.transaction(async (manager) => {
      const entity = await this.store.findForUpdate(manager, guardianBlockId);
      // Only the contact centre calls this (@ForEndpoint), and it sees its own region's blocks only.
      if (!entity || !mayRead(actor, entity)) return { ok: false as const, problem: GUARDIAN_BLOCK_NOT_FOUND };
      const repo = manager.getRepository(GuardianTaskEntity);
      const task = await repo.findOneBy({ id: taskId, guardianBlockId });
      if (!task) return { ok: false as const, problem: TASK_NOT_FOUND };
      if (task.status === 'DONE') return { ok: true as const, body: await this.store.read(manager, entity, actor, `uppgiften ${task.kind} var redan klar`) };
      const note = request.note?.trim() ? request.note.trim() : null;
      await repo.update({ id: task.id }, { status: 'DONE', doneAt: new Date(), doneBy: actor.sub, note });
      await this.store.note(manager, entity, actor, taskDoneNote(task.title, note), `uppgift ${task.kind} klar`);
      // R8: the last task done ends the handling of a block in effect, lifted or never needed.
      await this.store.closeIfHandlingOver(manager, entity, actor);
      return { ok: true as const, body: await this.store.view(manager, entity) };
    });
  }
}
