import { INestApplication, Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler as NestHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { EntityManager } from 'typeorm';
import { Envelope, RpcReply } from '@accessdesk/contracts';
import { AfterCommit, MessageHandler, Messaging, RpcHandler } from '@accessdesk/messaging';
import { MessageContext } from './message-context';
import { MessageExtras, messageExtras } from './message-patterns';

/**
 * A Nest transport over `libs/messaging`: the `@EventPattern` and `@MessagePattern` handlers of a
 * service's controllers become its inbox consumers and its request server. What the messaging core
 * guarantees stays there: the consumer validates the payload first (an invalid message goes to the
 * dead-letter queue at once), opens one transaction that records the message in the inbox, runs every
 * handler of the message type in it (several `@EventPattern`s of one type run one after the other),
 * and acknowledges only after the commit; a handler that fails rolls the whole transaction back.
 * Events a handler causes go through the outbox in that same transaction (`Messaging.publish`).
 *
 * Messaging starts and stops with the service's runtime (ServiceRuntimeModule), so `close()` here
 * has nothing of its own to close.
 */
export class MessagingTransport extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('MessagingTransport');

  constructor(private readonly messaging: Messaging) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    const consumers = new Map<string, MessageHandler[]>();
    const requests: RpcHandler[] = [];
    for (const [pattern, handler] of this.messageHandlers) {
      const extras = messageExtras(pattern, handler.isEventHandler === true, handler.extras);
      if (handler.isEventHandler) {
        const list = consumers.get(extras.queue) ?? [];
        list.push(this.eventHandler(extras, handler));
        consumers.set(extras.queue, list);
      } else {
        requests.push(this.requestHandler(extras, handler));
      }
    }
    for (const [queue, handlers] of consumers) this.messaging.subscribe(queue, handlers);
    if (requests.length > 0) this.messaging.serve(requests);
    callback();
  }

  close(): void {
    // Messaging is closed by the runtime, after the HTTP server has drained.
  }

  on(): never {
    throw new Error('MessagingTransport has no events of its own to listen to');
  }

  unwrap<T>(): T {
    return this.messaging as T;
  }

  /**
   * Every handler of the type, one after the other in the order declared, in the one inbox
   * transaction. Nest links several handlers of one event pattern (`next`) and would run them side by
   * side; on one transaction they must take turns, so the links are taken apart here. A handler
   * declared with `when` runs only for the payloads it wants; a message none wants is passed over.
   */
  private eventHandler(extras: MessageExtras, first: NestHandler): MessageHandler {
    const handlers: Array<{ run: NestHandler; when?: (payload: object) => boolean }> = [];
    for (let handler: NestHandler | undefined = first; handler; handler = handler.next) {
      const { when } = messageExtras(extras.contract.type, true, handler.extras);
      handlers.push({ run: handler, when: when as ((payload: object) => boolean) | undefined });
    }
    for (const { run } of handlers) run.next = undefined;
    const wanted = (payload: object) => handlers.filter(({ when }) => !when || when(payload));
    return {
      contract: extras.contract,
      // Only when every handler of the type says which payloads it wants can a message be passed over.
      wants: handlers.every(({ when }) => when) ? (payload: object) => wanted(payload).length > 0 : undefined,
      handle: async (envelope: Envelope<object>, payload: object, manager: EntityManager): Promise<void | AfterCommit> => {
        const context = new MessageContext(envelope, manager);
        for (const { run } of wanted(payload)) await settled(run(payload, context));
        return context.committed();
      },
    };
  }

  private requestHandler(extras: MessageExtras, handler: NestHandler): RpcHandler {
    return {
      contract: extras.contract,
      answer: async (envelope: Envelope<object>, payload: object) => (await settled(handler(payload, new MessageContext(envelope, null)))) as RpcReply<unknown>,
    };
  }
}

/** A Nest handler answers a value, a promise or an observable (through interceptors and filters); its last value, or its error. */
async function settled(result: unknown): Promise<unknown> {
  const value = await result;
  return isObservable(value) ? lastValueFrom(value, { defaultValue: undefined }) : value;
}

/**
 * Connects the service's message handlers to its messaging and starts listening; call it before the
 * app initialises, so that consumers are registered when messaging starts.
 */
export async function listenForMessages(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: new MessagingTransport(app.get(Messaging)) });
  await app.startAllMicroservices();
}
