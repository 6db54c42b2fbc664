import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
  Provider,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { Pool } from 'pg';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { AuditChainLinker, AuditLinkedAfterCommit1732300000900, AuditLogTable1732300000700 } from '@accessdesk/audit';
import { DEFAULT_RETRY_POLICY, Messaging, MessagingTables1732300000000 } from '@accessdesk/messaging';
import { createServiceDataSource, databaseAnswers, initializeAndMigrate } from '@accessdesk/persistence';
import { BaseServiceConfig } from './config';
import { HealthController, READINESS_CHECKS, ReadinessCheck } from './health.controller';
import { METRICS_REGISTRY, MetricsController } from './metrics.controller';
import { Regions, loadRegions } from './regions';

export interface ServiceRuntimeOptions {
  /** The service's name: its schema (with `-` as `_`), its queues, its logs. */
  service: string;
  config: BaseServiceConfig;
  /** Without entities and migrations the service owns no tables (the gateway). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations?: Function[];
  rpcTimeoutMs?: number;
  /** For a service without tables: the database its readiness still depends on (the gateway's). */
  readinessDatabaseUrl?: string;
  /** The service keeps an audit trail (R23): its table's migrations, and the linker that chains its records. */
  auditTrail?: boolean;
}

export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** How long requests in flight may take to finish when the service stops; then their connections are cut. */
const HTTP_DRAIN_TIMEOUT_MS = 10_000;
const READINESS_PROBE_POOL = Symbol('READINESS_PROBE_POOL');
const AUDIT_LINKER = Symbol('AUDIT_LINKER');
const AUDIT_TRAIL_MIGRATIONS = [AuditLogTable1732300000700, AuditLinkedAfterCommit1732300000900];

/**
 * Starts messaging once every module has registered its consumers (in `onModuleInit`). On shutdown
 * (SIGTERM) it first stops taking HTTP requests and lets those in flight finish (the gateway's wait
 * for their answers over messaging), then stops consuming and finishes what is in hand, and only
 * then lets the database go.
 */
@Injectable()
class RuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Runtime');

  constructor(
    private readonly messaging: Messaging,
    @Inject(DataSource) private readonly dataSource: DataSource | null,
    @Inject(READINESS_PROBE_POOL) private readonly probePool: Pool | null,
    @Inject(AUDIT_LINKER) private readonly auditLinker: AuditChainLinker | null,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.messaging.start();
    this.auditLinker?.start();
    this.logger.log('connected to the broker');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drainHttp();
    await this.messaging.close();
    // Last, so that what the messages in hand wrote to the trail is linked before the database goes.
    await this.auditLinker?.stop();
  }

  /** Closes the listening socket and idle connections; waits for requests in flight, within a bound. */
  private async drainHttp(): Promise<void> {
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    this.logger.log('stopping: no new HTTP requests, finishing those in flight');
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), HTTP_DRAIN_TIMEOUT_MS);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.probePool?.end();
  }
}

/** Database (own schema, migrations at start), messaging, health and metrics for one service. */
@Global()
@Module({})
export class ServiceRuntimeModule {
  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    const ownsData = (options.migrations?.length ?? 0) > 0;
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: options.service },
      {
        provide: DataSource,
        useFactory: async () => {
          if (!ownsData) return null;
          const dataSource = createServiceDataSource({
            url: options.config.DATABASE_URL,
            schema: options.service.replace(/-/g, '_'),
            entities: options.entities ?? [],
            migrations: [MessagingTables1732300000000, ...(options.auditTrail ? AUDIT_TRAIL_MIGRATIONS : []), ...(options.migrations ?? [])],
            timeouts: {
              connectMs: options.config.DB_CONNECT_TIMEOUT_MS,
              statementMs: options.config.DB_STATEMENT_TIMEOUT_MS,
              idleInTransactionMs: options.config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
            },
          });
          await initializeAndMigrate(dataSource);
          return dataSource;
        },
      },
      {
        provide: Messaging,
        inject: [DataSource],
        useFactory: (dataSource: DataSource | null) =>
          new Messaging({
            url: options.config.AMQP_URL,
            prefix: options.config.AMQP_PREFIX,
            service: options.service,
            dataSource: dataSource ?? undefined,
            logger: new Logger('Messaging'),
            rpcTimeoutMs: options.rpcTimeoutMs,
            eventYieldMs: options.config.EVENT_YIELD_MS,
            retry: {
              ...DEFAULT_RETRY_POLICY,
              delaysMs: options.config.MESSAGE_RETRY_DELAYS_MS.split(',').map(Number),
              retryForMs: options.config.MESSAGE_RETRY_FOR_MS,
            },
          }),
      },
      {
        provide: METRICS_REGISTRY,
        useFactory: () => {
          const registry = new Registry();
          registry.setDefaultLabels({ service: options.service });
          collectDefaultMetrics({ register: registry });
          return registry;
        },
      },
      {
        provide: READINESS_PROBE_POOL,
        useFactory: () =>
          !ownsData && options.readinessDatabaseUrl
            ? new Pool({ connectionString: options.readinessDatabaseUrl, max: 1, connectionTimeoutMillis: 2_000 })
            : null,
      },
      {
        provide: READINESS_CHECKS,
        inject: [DataSource, Messaging, READINESS_PROBE_POOL],
        useFactory: (dataSource: DataSource | null, messaging: Messaging, pool: Pool | null): ReadinessCheck[] => [
          ...(dataSource ? [{ name: 'database', check: () => databaseAnswers(dataSource) }] : []),
          ...(pool ? [{ name: 'database', check: async () => (await pool.query('SELECT 1')).rowCount === 1 }] : []),
          // Not connected, or connected but blocked by a memory or disk alarm: either way nothing is published.
          { name: 'broker', check: () => messaging.publishingHeldBack() ?? true },
        ],
      },
      {
        provide: AUDIT_LINKER,
        inject: [DataSource],
        useFactory: (dataSource: DataSource | null) => (options.auditTrail && dataSource ? new AuditChainLinker(dataSource, new Logger('AuditChainLinker')) : null),
      },
      // R24: every service knows the regions from the one configuration file.
      { provide: Regions, useFactory: () => loadRegions(options.config.REGIONS_CONFIG_FILE) },
      RuntimeLifecycle,
    ];
    return {
      module: ServiceRuntimeModule,
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_NAME, DataSource, Messaging, METRICS_REGISTRY, READINESS_CHECKS, Regions],
    };
  }
}
