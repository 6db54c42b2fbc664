import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { MessageContract } from '@accessdesk/contracts';
import { MessageContext } from './message-context';

/**
 * The extras of an `@EventPattern` or `@MessagePattern`: the contract the payload is validated
 * against (in the consumer, before any handler runs) and the queue it arrives on, `<service>.<queue>`.
 * Requests always come on `rpc`; events and commands on the queue named (`events`, `commands`).
 *
 *     @EventPattern(CaseCheckedV1.type, { contract: CaseCheckedV1, queue: 'events' })
 *     @MessagePattern(SubmitCaseV1.type, { contract: SubmitCaseV1, queue: 'rpc' })
 */
export interface MessageExtras {
  contract: MessageContract<object>;
  queue: string;
  /**
   * For an event of which a handler wants only some (guardian-block's own actions among every
   * action execution reports): a test of the validated payload. A message no handler of its type
   * wants is acknowledged without a transaction, so others' traffic costs the service no database
   * round trip. A handler keeps its own check as well; this only spares the work.
   */
  when?: (payload: never) => boolean;
}

/** The queue requests (request/reply) arrive on. */
export const REQUEST_QUEUE = 'rpc';

/** Checks the extras a handler was declared with; a mistake is found when the service starts, not at the first message. */
export function messageExtras(pattern: string, isEvent: boolean, extras: Record<string, unknown> | undefined): MessageExtras {
  const contract = extras?.contract as MessageContract<object> | undefined;
  const queue = extras?.queue;
  const where = `${isEvent ? '@EventPattern' : '@MessagePattern'}('${pattern}')`;
  if (!contract || typeof contract !== 'function' || typeof contract.type !== 'string') throw new Error(`${where} names no contract in its extras`);
  if (contract.type !== pattern) throw new Error(`${where} names the contract of ${contract.type}`);
  if (typeof queue !== 'string' || !/^[a-z][a-z-]*$/.test(queue)) throw new Error(`${where} names no queue in its extras`);
  if (!isEvent && queue !== REQUEST_QUEUE) throw new Error(`${where}: requests arrive on '${REQUEST_QUEUE}', not '${queue}'`);
  if (isEvent && queue === REQUEST_QUEUE) throw new Error(`${where}: '${REQUEST_QUEUE}' is the queue of requests`);
  const when = extras?.when;
  if (when !== undefined && typeof when !== 'function') throw new Error(`${where}: 'when' must be a test of the payload`);
  if (when !== undefined && !isEvent) throw new Error(`${where}: a request is always answered; 'when' is for events`);
  return when ? { contract, queue, when: when as MessageExtras['when'] } : { contract, queue };
}

function messageContext(ctx: ExecutionContext): MessageContext {
  return ctx.switchToRpc().getContext<MessageContext>();
}

/** The whole envelope of the message in hand (id, case, region, actor, payload). */
export const Message = createParamDecorator((_: unknown, ctx: ExecutionContext) => messageContext(ctx).envelope);

/** The inbox transaction of the event or command in hand. */
export const InboxTransaction = createParamDecorator((_: unknown, ctx: ExecutionContext) => messageContext(ctx).manager);
