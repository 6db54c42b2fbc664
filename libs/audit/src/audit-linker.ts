import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { PollingWorker, WorkerLogger } from '@accessdesk/persistence';
import { AUDIT_APPENDED, LINK_BATCH, linkPendingAudit } from './audit-log';

/** The fallback poll, for a commit whose wake-up was missed (another instance's, a restart). */
const LINKER_POLL_MS = 1_000;

/**
 * The service's one appender of its audit chain: links what committed into the chain, woken by
 * every commit that wrote an audit record (a TypeORM subscriber on the service's data source) and
 * polling as a fallback. Several instances of a service each run one; the advisory lock in
 * `linkPendingAudit` lets one link at a time.
 */
export class AuditChainLinker implements EntitySubscriberInterface {
  private readonly worker: PollingWorker;

  constructor(dataSource: DataSource, logger: WorkerLogger) {
    this.worker = new PollingWorker('audit chain linker', async () => (await linkPendingAudit(dataSource)) === LINK_BATCH, logger, { pollMs: LINKER_POLL_MS });
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.data?.[AUDIT_APPENDED]) this.worker.kick();
  }

  start(): void {
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
  }
}
