import { DataSource, EntityManager } from 'typeorm';
import { Statement } from '@accessdesk/persistence';
import { Envelope, MessageContract, RpcReply } from '@accessdesk/contracts';
import { AmqpConnection } from './connection';
import { ConsumerOptions, InboxConsumer, MessageHandler } from './consumer';
import { DeadLetterQueues } from './dead-letters';
import { Cause, EnvelopeMeta, causedBy, createEnvelope } from './envelope';
import { MessagingLogger } from './logger';
import { DEFAULT_RELAY_POLL_MS, OutboxRelay, addToOutbox, outboxStatements } from './outbox';
import { ConfirmPublisher } from './publisher';
import { DEFAULT_RPC_TIMEOUT_MS, RpcClient, RpcHandler, RpcServer } from './rpc';
import { DEFAULT_EVENT_YIELD_MS, RequestPriority } from './request-priority';
import { RetryPolicy } from './retry';
import { DEFAULT_DELIVERY_LIMIT, DEFAULT_PREFETCH, Names } from './topology';

export interface MessagingOptions {
  url: string;
  /** The owning service, e.g. `intake`: names its queues and its connection. */
  service: string;
  /** Prepended to every exchange and queue name; empty in production, per run in tests. */
  prefix?: string;
  /** Without it the service can only ask (request/reply), not consume or publish events. */
  dataSource?: DataSource;
  logger: MessagingLogger;
  prefetch?: number;
  deliveryLimit?: number;
  relayPollMs?: number;
  rpcTimeoutMs?: number;
  /** How a message whose handler failed waits and comes back (retry.ts); the default suits production. */
  retry?: RetryPolicy;
  /** Requests first (request-priority.ts): how long an event waits at most for the requests being handled; 0 switches it off. */
  eventYieldMs?: number;
}

/**
 * A service's messaging: one connection, the outbox relay, inbox consumers, request/reply. Register
 * consumers and request handlers before `start()`; `close()` stops consuming, finishes what is in
 * hand, and closes the connection.
 */
export class Messaging {
  readonly names: Names;
  private readonly connection: AmqpConnection;
  private readonly publisher: ConfirmPublisher | null;
  private readonly relay: OutboxRelay | null;
  private readonly consumers: InboxConsumer[] = [];
  private readonly servers: RpcServer[] = [];
  private client: RpcClient | null = null;
  private readonly prefetch: number;
  private readonly deliveryLimit: number;
  private readonly priority: RequestPriority;

  constructor(private readonly options: MessagingOptions) {
    this.priority = new RequestPriority(options.eventYieldMs ?? DEFAULT_EVENT_YIELD_MS);
    this.names = new Names(options.prefix ?? '');
    this.prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    this.deliveryLimit = options.deliveryLimit ?? DEFAULT_DELIVERY_LIMIT;
    this.connection = new AmqpConnection(options.url, `accessdesk-${options.service}`, options.logger);
    if (options.dataSource) {
      this.publisher = new ConfirmPublisher(this.connection, this.names);
      this.relay = new OutboxRelay(options.dataSource, this.publisher, options.logger, options.relayPollMs ?? DEFAULT_RELAY_POLL_MS);
    } else {
      this.publisher = null;
      this.relay = null;
    }
  }

  /**
   * Consume `<service>.<purpose>` with the given handlers; each handler's contract type is bound.
   */
  subscribe(
    purpose: string,
    handlers: MessageHandler[],
    options: Partial<Pick<ConsumerOptions, 'prefetch' | 'deliveryLimit'>> = {},
  ): void {
    const dataSource = this.requireDataSource('subscribe');
    const consumerOptions: ConsumerOptions = {
      queue: `${this.options.service}.${purpose}`,
      handlers,
      prefetch: options.prefetch ?? this.prefetch,
      deliveryLimit: options.deliveryLimit ?? this.deliveryLimit,
      retry: this.options.retry,
    };
    this.consumers.push(
      new InboxConsumer(this.connection, this.names, dataSource, consumerOptions, this.options.logger, this.priority),
    );
  }

  /** Answer requests on `<service>.rpc`. */
  serve(handlers: RpcHandler[]): void {
    this.servers.push(
      new RpcServer(this.connection, this.names, this.options.service, handlers, this.prefetch, this.deliveryLimit, this.options.logger, this.priority),
    );
  }

  async start(): Promise<void> {
    // The client registers last so that its channel exists only once consumers are set up.
    this.client = new RpcClient(this.connection, this.names, this.options.logger);
    await this.connection.start();
    this.relay?.start();
    const queues = this.declaredQueues();
    if (queues.length > 0) this.options.logger.log(`consuming ${queues.join(', ')}`, 'Messaging');
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers, ...this.servers].map((c) => c.stop()));
    await this.relay?.stop();
    this.client?.close();
    await this.connection.close();
  }

  isConnected(): boolean {
    return this.connection.isConnected();
  }

  /** For readiness: null when the broker takes what this service publishes, otherwise why not. */
  publishingHeldBack(): string | null {
    return this.connection.isConnected() ? this.connection.blockedReason() : 'not connected to the broker';
  }

  /** The connection, for tests that act as the broker would (a `blocked` notice). */
  get amqpConnection(): AmqpConnection {
    return this.connection;
  }

  /**
   * Runs `work` in one database transaction; what it adds to the outbox is published right after
   * the commit (any commit that wrote to the outbox wakes the relay).
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.requireDataSource('transaction').transaction(work);
  }

  /**
   * Publishes `payload` as a message caused by `cause` (the message being handled, or a stored
   * reference to it): added to the outbox of the transaction `manager` belongs to, so it goes out
   * if and only if that transaction commits. It inherits the cause's case, region and actor unless
   * `meta` says otherwise, and names the cause as its `causationId`.
   */
  async publish<P extends object>(manager: EntityManager, cause: Cause, contract: MessageContract<P>, payload: P, meta: Partial<Omit<EnvelopeMeta, 'causationId'>> = {}): Promise<Envelope<P>> {
    const envelope = createEnvelope(contract, payload, { ...causedBy(cause), ...meta });
    await addToOutbox(manager, [envelope]);
    return envelope;
  }

  /**
   * What `publish` writes, as a statement the caller runs in the same transaction together with its
   * other writes (`runTogether`, libs/persistence): the message goes out if and only if it commits.
   */
  publishStatement<P extends object>(manager: EntityManager, cause: Cause, contract: MessageContract<P>, payload: P, meta: Partial<Omit<EnvelopeMeta, 'causationId'>> = {}): Statement {
    const envelope = createEnvelope(contract, payload, { ...causedBy(cause), ...meta });
    return outboxStatements(manager, [envelope])[0] as Statement;
  }

  /** Adds envelopes made elsewhere (a test driver's, a replay's) to the outbox of `manager`'s transaction. */
  async publishEnvelopes(manager: EntityManager, ...envelopes: Envelope[]): Promise<void> {
    await addToOutbox(manager, envelopes);
  }

  async request<P extends object, R>(
    service: string,
    contract: MessageContract<P>,
    payload: P,
    meta: EnvelopeMeta,
    timeoutMs = this.options.rpcTimeoutMs ?? DEFAULT_RPC_TIMEOUT_MS,
  ): Promise<RpcReply<R>> {
    if (!this.client) throw new Error('messaging is not started');
    return this.client.request<P, R>(service, contract, payload, meta, timeoutMs);
  }

  /** The dead-letter queues of `queues` on this service's broker, for the operator's tools. */
  deadLetterQueues(queues: readonly string[]): DeadLetterQueues {
    return new DeadLetterQueues(this.options.url, this.names, queues);
  }

  /** The relay, for tests that must hold publishing back and let it go. */
  get outboxRelay(): OutboxRelay | null {
    return this.relay;
  }

  /** Every queue this instance declares (without dead-letter queues), prefixed, for clean-up in tests. */
  declaredQueues(): string[] {
    return [...this.consumers.map((c) => this.names.queue(c.spec.name)), ...this.servers.map((s) => this.names.queue(s.queueName))];
  }

  private requireDataSource(what: string): DataSource {
    if (!this.options.dataSource) throw new Error(`${what} needs a data source (outbox and inbox live in the database)`);
    return this.options.dataSource;
  }
}
