import { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Envelope, MessageContract } from '@accessdesk/contracts';
import {
  DEFAULT_AMQP_URL,
  Messaging,
  MessagingLogger,
  MessagingTables1732300000000,
  DEFAULT_RETRY_DELAYS_MS,
  deleteTopology,
  on,
  testPrefix,
} from '@accessdesk/messaging';
import { createServiceDataSource, initializeAndMigrate, qualifiedTable } from '@accessdesk/persistence';
import { listenForMessages, loadConfig } from '@accessdesk/platform';
import { pollUntil } from './poll';
import { TestDatabase, createTestDatabase } from './test-database';

const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The driver's name on the broker (its queues are `<prefix>test-driver.*`) and its schema. */
const DRIVER_SERVICE = 'test-driver';
const DRIVER_SCHEMA = 'test_driver';
/** The driver's relay polls often, so that what a test publishes goes out at once. */
const DRIVER_RELAY_POLL_MS = 50;

export interface ServiceUnderTestOptions<C extends object> {
  /** The service's root module, e.g. `AppModule.forRoot`. */
  appModule: (config: C) => DynamicModule;
  /** The service's config class, read with `loadConfig` like `main.ts` does. */
  configClass: new () => C;
  /**
   * Variables on top of those the harness sets (DATABASE_URL, AMQP_URL, AMQP_PREFIX, HTTP_PORT=0);
   * fake servers' URLs, tuning.
   */
  env?: Record<string, string>;
  /** Events the driver records in `observed`: what the service under test publishes. */
  observe?: MessageContract[];
}

/** One service in-process against the real broker and a throw-away database, and a driver that plays the others. */
export interface ServiceHarness {
  db: TestDatabase;
  /** The broker prefix of this run. */
  prefix: string;
  app: INestApplication;
  /** The service's own data source (its schema); valid until `close()`. */
  dataSource: DataSource;
  /**
   * Stands in for the other services: publishes through its outbox (schema `test_driver`), records
   * what it observes, and asks the service over request/reply (`driver.request(...)`).
   */
  driver: Messaging;
  driverDataSource: DataSource;
  /** Every observed event, in arrival order. */
  readonly observed: Envelope[];
  /** The observed events of one contract (and matching `predicate`), in arrival order. */
  observedOf<P extends object>(contract: MessageContract<P>, predicate?: (envelope: Envelope<P>) => boolean): Envelope<P>[];
  /** Waits for the first observed event of `contract` that matches `predicate`. */
  waitFor<P extends object>(
    contract: MessageContract<P>,
    predicate?: (envelope: Envelope<P>) => boolean,
    options?: { what?: string; timeoutMs?: number },
  ): Promise<Envelope<P>>;
  /** Publishes through the driver's outbox, in one transaction. */
  publish(...envelopes: Envelope[]): Promise<void>;
  /**
   * Publishes an already published message once more, as a relay that published it twice would,
   * and waits until it went out.
   */
  publishAgain(envelope: Envelope): Promise<void>;
  /** Waits until the service's inbox has taken `envelope` (its transaction committed). */
  handled(envelope: Envelope): Promise<void>;
  /** Closes app and driver, deletes the run's queues and exchanges, drops the database. */
  close(): Promise<void>;
}

/**
 * Starts a service as its integration test needs it: a fresh database, a broker prefix, the
 * service's Nest app from its config, and a driver on the same database and prefix. The driver is
 * started first, so that its queue exists before the service publishes anything.
 */
export async function startServiceUnderTest<C extends object>(options: ServiceUnderTestOptions<C>): Promise<ServiceHarness> {
  const amqpUrl = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
  const prefix = testPrefix();
  const observed: Envelope[] = [];
  const cleanUp: Array<() => Promise<void>> = [];
  // Runs every step even when one fails, so that a failed test leaves nothing behind.
  const close = async () => {
    const errors: unknown[] = [];
    for (const step of cleanUp.splice(0).reverse()) {
      try {
        await step();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length > 0) throw errors[0];
  };

  try {
    const db = await createTestDatabase();
    cleanUp.push(() => db.drop());
    // Asked at the end: a service declares its queues while it starts.
    const messagings: Messaging[] = [];
    // The delay queues too: the defaults, and those the test's environment asks for.
    const retryDelays = [...DEFAULT_RETRY_DELAYS_MS, ...(options.env?.MESSAGE_RETRY_DELAYS_MS?.split(',').map(Number) ?? [])];
    cleanUp.push(() => deleteTopology(prefix, messagings.flatMap((m) => m.declaredQueues()), amqpUrl, [...new Set(retryDelays)]));

    const driverDataSource = createServiceDataSource({ url: db.url, schema: DRIVER_SCHEMA, entities: [], migrations: [MessagingTables1732300000000] });
    cleanUp.push(async () => {
      if (driverDataSource.isInitialized) await driverDataSource.destroy();
    });
    await initializeAndMigrate(driverDataSource);
    const driver = new Messaging({ url: amqpUrl, service: DRIVER_SERVICE, prefix, dataSource: driverDataSource, logger: quiet, relayPollMs: DRIVER_RELAY_POLL_MS });
    const record = async (envelope: Envelope<object>) => {
      observed.push(envelope);
    };
    if (options.observe?.length) driver.subscribe('events', options.observe.map((contract) => on(contract, record)));
    cleanUp.push(() => driver.close());
    messagings.push(driver);
    await driver.start();

    const config = loadConfig(options.configClass, { DATABASE_URL: db.url, AMQP_URL: amqpUrl, AMQP_PREFIX: prefix, HTTP_PORT: '0', ...options.env });
    const moduleRef = await Test.createTestingModule({ imports: [options.appModule(config)] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    // Closing an app that did not finish `init()` still stops what did start.
    cleanUp.push(() => app.close());
    messagings.push(app.get(Messaging));
    await listenForMessages(app);
    await app.init();
    const dataSource = app.get(DataSource);

    const observedOf = <P extends object>(contract: MessageContract<P>, predicate: (envelope: Envelope<P>) => boolean = () => true) =>
      (observed as Envelope<P>[]).filter((e) => e.type === contract.type && predicate(e));

    return {
      db,
      prefix,
      app,
      dataSource,
      driver,
      driverDataSource,
      observed,
      observedOf,
      waitFor: (contract, predicate, { what = contract.type, timeoutMs } = {}) => pollUntil(() => observedOf(contract, predicate)[0], { what, timeoutMs }),
      publish: (...envelopes) => driver.transaction((m) => driver.publishEnvelopes(m, ...envelopes)),
      async publishAgain(envelope) {
        const outbox = qualifiedTable(driverDataSource, 'outbox');
        await driverDataSource.query(`UPDATE ${outbox} SET published_at = NULL WHERE id = $1`, [envelope.id]);
        driver.outboxRelay?.kick();
        await pollUntil(async () => {
          const [row] = await driverDataSource.query(`SELECT published_at FROM ${outbox} WHERE id = $1`, [envelope.id]);
          return row.published_at !== null;
        }, { what: `message ${envelope.id} to be published again` });
      },
      async handled(envelope) {
        const inbox = qualifiedTable(dataSource, 'inbox');
        await pollUntil(async () => (await dataSource.query(`SELECT 1 FROM ${inbox} WHERE message_id = $1`, [envelope.id])).length === 1, {
          what: `message ${envelope.id} to be handled`,
        });
      },
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
