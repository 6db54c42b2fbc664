import { MessagePattern } from '@nestjs/microservices';
import { CaseView, Envelope, RpcReply, VoidCaseV1, problem } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseCommand } from '../domain/case/case-command.service';
import { CaseLifecycle } from '../domain/case/case-lifecycle.service';
import { canMove } from '../domain/case/case-status';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';

/**
 * The service desk voids (makulerar) a wrongly registered case: only before it reached the staff
 * tool. Not an unlock (R11): a case that reached the staff tool is lifted by an unlock case.
 */
@MessageHandlers()
export class VoidCaseHandler {
  constructor(
    private readonly command: CaseCommand,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
  ) {}

  @MessagePattern(VoidCaseV1.type, { contract: VoidCaseV1, queue: 'rpc' })
  @ForEndpoint('POST /cases/{id}/void')
  answer(@Message() envelope: Envelope<VoidCaseV1>): Promise<RpcReply<CaseView>> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.command.run(envelope, () => true, async (manager, entity) => {
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
}
