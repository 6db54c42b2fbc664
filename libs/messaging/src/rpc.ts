import { randomUUID } from 'node:crypto';
import type { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { QueueConsumer, settle } from './queue-consumer';
import { Envelope, MessageContract, Problem, RpcReply, problem, rpcQueue } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { EnvelopeMeta, InvalidMessageError, createEnvelope, parseEnvelope, validatePayload } from './envelope';
import { MessagingLogger, errorText } from './logger';
import { messageProperties } from './publisher';
import { Names, QueueSpec } from './topology';
import { RequestPriority } from './request-priority';

/** RabbitMQ's direct reply-to pseudo-queue: replies come straight back without a queue per client. */
const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';
export const DEFAULT_RPC_TIMEOUT_MS = 5_000;
/** Pause between two tries of a request whose handler failed, while its caller still waits. */
const RETRY_BACKOFF_MS = 200;
/** A request is answered this long before its caller gives up, so that the answer still finds it. */
const ANSWER_MARGIN_MS = 250;
/** When the caller stops waiting (ms since the epoch): a request found after it is not handled. */
export const DEADLINE_HEADER = 'x-accessdesk-deadline';

/**
 * What a caller is told when the service could not answer in time, from either side: the request may
 * have been registered (the reply may be what was lost), and asking again with the same
 * `Idempotency-Key` is safe: it returns what the first request created.
 */
export function unavailableProblem(): Problem {
  return problem(
    'service-unavailable',
    503,
    'Service unavailable',
    'The service did not answer in time. A request that creates something may still have been registered: retry with the same Idempotency-Key, which is safe and returns the same result.',
  );
}

export class RpcTimeoutError extends Error {
  override readonly name = 'RpcTimeoutError';
}
/** Nobody takes requests for that service (its queue does not exist), or the broker is out of reach. */
export class RpcUnavailableError extends Error {
  override readonly name = 'RpcUnavailableError';
}

export interface RpcHandler<P extends object = object, R = unknown> {
  contract: MessageContract<P>;
  answer(envelope: Envelope<P>, payload: P): Promise<RpcReply<R>>;
}

export function answer<P extends object, R>(
  contract: MessageContract<P>,
  handle: (envelope: Envelope<P>, payload: P) => Promise<RpcReply<R>>,
): RpcHandler<P, R> {
  return { contract, answer: handle };
}

/**
 * Serves a service's requests from its `<service>.rpc` quorum queue. The reply is sent before the
 * request is acknowledged. A request whose caller has stopped waiting (its deadline passed, e.g. it
 * sat in the queue while this service was down) is dropped unhandled: nobody would hear the answer,
 * and a case created then would surprise a caller who was told 503. A handler that throws is tried
 * again while the caller waits, each try its own transaction, then answered with a 503 problem;
 * the request is never handed back to the queue, so it never piles up in the dead-letter queue.
 */
export class RpcServer extends QueueConsumer {
  private readonly handlers = new Map<string, RpcHandler>();

  constructor(
    connection: AmqpConnection,
    names: Names,
    private readonly service: string,
    handlers: RpcHandler[],
    prefetch: number,
    private readonly deliveryLimit: number,
    private readonly logger: MessagingLogger,
    private readonly priority: RequestPriority = new RequestPriority(0),
  ) {
    super(connection, names, prefetch);
    for (const h of handlers) this.handlers.set(h.contract.type, h);
  }

  get queueName(): string {
    return rpcQueue(this.service);
  }

  get spec(): QueueSpec {
    return { name: this.queueName, bindings: [], deliveryLimit: this.deliveryLimit };
  }

  protected async handle(ch: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    const id = msg.properties.messageId ?? '(no id)';
    const deadline = Number(msg.properties.headers?.[DEADLINE_HEADER]);
    const hasDeadline = Number.isFinite(deadline) && deadline > 0;
    if (hasDeadline && Date.now() >= deadline) {
      this.logger.warn(`request ${id} to ${this.service} dropped unhandled: its caller stopped waiting ${Date.now() - deadline} ms ago`, 'RpcServer');
      settle(() => ch.ack(msg));
      return;
    }
    let reply: RpcReply<unknown>;
    try {
      const envelope = parseEnvelope(msg.content);
      const handler = this.handlers.get(envelope.type);
      if (!handler) throw new InvalidMessageError(`no handler for ${envelope.type}`);
      const payload = validatePayload(handler.contract, envelope.payload);
      reply = await this.priority.request(() => this.answerWhileWaited(handler, { ...envelope, payload }, payload, id, hasDeadline ? deadline : Date.now()));
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      reply = { ok: false, problem: problem('invalid-request', 400, 'Invalid request', err.message) };
    }
    const { replyTo, correlationId } = msg.properties;
    if (replyTo) {
      settle(() => ch.sendToQueue(replyTo, Buffer.from(JSON.stringify(reply)), { correlationId, contentType: 'application/json' }));
    }
    settle(() => ch.ack(msg));
  }

  /** Tries the handler until it answers or the caller's deadline is near; then a 503 problem. */
  private async answerWhileWaited(handler: RpcHandler, envelope: Envelope<object>, payload: object, id: string, deadline: number): Promise<RpcReply<unknown>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handler.answer(envelope, payload);
      } catch (err) {
        const left = deadline - ANSWER_MARGIN_MS - Date.now();
        this.logger.warn(`request ${id} (${envelope.type}) to ${this.service} failed on try ${attempt}: ${errorText(err)}`, 'RpcServer');
        if (left < RETRY_BACKOFF_MS) return { ok: false, problem: unavailableProblem() };
        await new Promise((resolve) => setTimeout(resolve, RETRY_BACKOFF_MS));
      }
    }
  }
}

interface Pending {
  resolve(reply: RpcReply<unknown>): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/** Asks another service and waits for its answer, at most `timeoutMs`. */
export class RpcClient {
  private channel: ConfirmChannel | null = null;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly names: Names,
    private readonly logger: MessagingLogger,
  ) {
    connection.register((conn) => this.setup(conn));
  }

  private async setup(conn: ChannelModel): Promise<void> {
    const ch = await conn.createConfirmChannel();
    ch.on('error', () => undefined);
    ch.on('close', () => {
      if (this.channel !== ch) return;
      this.channel = null;
      this.failAll(new RpcUnavailableError('connection to the broker lost'));
      // The channel alone may have gone (a broker-side error): build it again on a new connection.
      this.connection.restart('request/reply channel closed');
    });
    // A request that no queue takes comes back as basic.return (mandatory): fail fast instead of timing out.
    ch.on('return', (msg: ConsumeMessage) => {
      this.settle(msg.properties.correlationId, (p) => p.reject(new RpcUnavailableError('no service takes this request')));
    });
    // Direct reply-to is only allowed in no-ack mode; a lost reply is a timeout for the caller, who retries.
    await ch.consume(
      DIRECT_REPLY_TO,
      (msg) => {
        // null: the broker cancelled the reply consumer; without it no answer would arrive again.
        if (!msg) return this.connection.restart('reply consumer cancelled by the broker');
        let reply: RpcReply<unknown>;
        try {
          reply = JSON.parse(msg.content.toString('utf8')) as RpcReply<unknown>;
        } catch {
          this.logger.warn('unreadable reply ignored', 'RpcClient');
          return;
        }
        this.settle(msg.properties.correlationId, (p) => p.resolve(reply));
      },
      { noAck: true },
    );
    this.channel = ch;
  }

  async request<P extends object, R>(
    service: string,
    contract: MessageContract<P>,
    payload: P,
    meta: EnvelopeMeta,
    timeoutMs = DEFAULT_RPC_TIMEOUT_MS,
  ): Promise<RpcReply<R>> {
    const ch = this.channel;
    if (!ch) throw new RpcUnavailableError('not connected to the broker');
    const envelope = createEnvelope(contract, payload, meta);
    const correlationId = randomUUID();
    const reply = new Promise<RpcReply<unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new RpcTimeoutError(`${service} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, reject, timer });
    });
    ch.publish('', this.names.queue(rpcQueue(service)), Buffer.from(JSON.stringify(envelope)), {
      ...messageProperties(envelope),
      headers: { ...messageProperties(envelope).headers, [DEADLINE_HEADER]: Date.now() + timeoutMs },
      persistent: false,
      correlationId,
      replyTo: DIRECT_REPLY_TO,
      mandatory: true,
    });
    return reply as Promise<RpcReply<R>>;
  }

  close(): void {
    this.failAll(new RpcUnavailableError('client closed'));
  }

  private settle(correlationId: string | undefined, action: (p: Pending) => void): void {
    if (!correlationId) return;
    const p = this.pending.get(correlationId);
    if (!p) return;
    this.pending.delete(correlationId);
    clearTimeout(p.timer);
    action(p);
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(err);
    }
  }
}
