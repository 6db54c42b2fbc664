import { DataSource, EntityManager } from 'typeorm';
import { AuditTrailHandler, MessageHandlers } from '@accessdesk/platform';
import { GuardianBlockEntity } from '../guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from '../guardian-blocks/guardian-block-store';

/** R23: the auditor's view of guardian-block's own trail and the check of its chain; a record's case is a guardian block. */
@MessageHandlers()
export class GuardianBlockAuditTrailHandler extends AuditTrailHandler {
  constructor(
    dataSource: DataSource,
    private readonly store: GuardianBlockStore,
  ) {
    super(dataSource);
  }

  async caseScope(manager: EntityManager, caseId: string): Promise<{ region: string; residentRef: string } | null> {
    const entity = await manager.getRepository(GuardianBlockEntity).findOneBy({ id: caseId });
    return entity ? { region: entity.region, residentRef: this.store.residentRef(entity.childPersonnummer) } : null;
  }

  residentRef(personnummer: string): string {
    return this.store.residentRef(personnummer);
  }
}
