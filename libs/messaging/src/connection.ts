import { ChannelModel, connect } from 'amqplib';
import { MessagingLogger, errorText } from './logger';
import { Backoff, backoffMs } from '@accessdesk/persistence';

/** Reconnecting waits 200 ms, 400 ms, … at most 5 s between tries. */
const RECONNECT_BACKOFF: Backoff = { firstMs: 200, maxMs: 5_000 };
const HEARTBEAT_S = 15;

/** Runs on every (re)connection, in registration order: declare topology, open channels, consume. */
export type ConnectionSetup = (connection: ChannelModel) => Promise<void>;

/**
 * One AMQP connection that comes back after the broker restarts or drops it. Everything that uses a
 * channel registers a setup, which runs again on the new connection; until then `current` is null.
 */
export class AmqpConnection {
  private connection: ChannelModel | null = null;
  private readonly setups: ConnectionSetup[] = [];
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private readonly waiters: Array<() => void> = [];
  private blocked: string | null = null;

  constructor(
    private readonly url: string,
    private readonly connectionName: string,
    private readonly logger: MessagingLogger,
  ) {}

  get current(): ChannelModel | null {
    return this.connection;
  }

  isConnected(): boolean {
    return this.connection !== null;
  }

  /**
   * Why the broker holds back what this connection publishes (a memory or disk alarm), or null. While
   * blocked, nothing is published: the outbox relay waits without opening a transaction.
   */
  blockedReason(): string | null {
    return this.connection ? this.blocked : null;
  }

  register(setup: ConnectionSetup): void {
    this.setups.push(setup);
  }

  /** Connects and runs every setup; rejects when the first attempt fails (so a bad URL stops the boot). */
  async start(): Promise<void> {
    this.closing = false;
    await this.open();
  }

  /** Resolves once connected (or at once if connected). */
  whenConnected(): Promise<void> {
    if (this.connection) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops the connection and builds everything again, e.g. after a channel was closed by the broker. */
  restart(reason: string): void {
    if (this.closing || !this.connection) return;
    this.logger.warn(`restarting the AMQP connection: ${reason}`, 'AmqpConnection');
    const old = this.connection;
    this.connection = null;
    old.close().catch(() => undefined);
    this.scheduleReconnect();
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const conn = this.connection;
    this.connection = null;
    if (conn) await conn.close().catch(() => undefined);
  }

  private async open(): Promise<void> {
    // noDelay: Nagle's algorithm would add ~40 ms to every hop (DESIGN.md).
    const conn = await connect(withHeartbeat(this.url), {
      noDelay: true,
      clientProperties: { connection_name: this.connectionName },
    });
    conn.on('error', (err: unknown) => this.logger.warn(`AMQP connection error: ${errorText(err)}`, 'AmqpConnection'));
    this.blocked = null;
    conn.on('blocked', (reason: unknown) => {
      this.blocked = typeof reason === 'string' && reason ? reason : 'blocked by the broker';
      this.logger.warn(`the broker blocks publishing: ${this.blocked}`, 'AmqpConnection');
    });
    conn.on('unblocked', () => {
      this.blocked = null;
      this.logger.log('the broker publishes again', 'AmqpConnection');
    });
    conn.on('close', () => {
      if (this.connection !== conn) return;
      this.connection = null;
      if (this.closing) return;
      this.logger.warn('AMQP connection lost; reconnecting', 'AmqpConnection');
      this.scheduleReconnect();
    });
    try {
      for (const setup of this.setups) await setup(conn);
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
    this.connection = conn;
    this.attempt = 0;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.reconnectTimer) return;
    this.attempt += 1;
    const delay = backoffMs(this.attempt, RECONNECT_BACKOFF);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.open()
        .then(() => this.logger.log('AMQP connection re-established', 'AmqpConnection'))
        .catch((err: unknown) => {
          this.logger.warn(`AMQP reconnect failed: ${errorText(err)}`, 'AmqpConnection');
          this.scheduleReconnect();
        });
    }, delay);
  }
}

function withHeartbeat(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) parsed.searchParams.set('heartbeat', String(HEARTBEAT_S));
  return parsed.toString();
}
