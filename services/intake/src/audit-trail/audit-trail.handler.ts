import { DataSource, EntityManager } from 'typeorm';
import { AuditTrailHandler, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';

/** R23: the auditor's view of intake's trail and the check of its chain; a record's case is a lock, unlock or seal. */
@MessageHandlers()
export class IntakeAuditTrailHandler extends AuditTrailHandler {
  constructor(
    dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {
    super(dataSource);
  }

  async caseScope(manager: EntityManager, caseId: string): Promise<{ region: string; residentRef: string } | null> {
    const entity = await manager.getRepository(CaseEntity).findOneBy({ id: caseId });
    return entity ? { region: entity.region, residentRef: this.cases.residentRef(entity.residentPersonnummer) } : null;
  }

  residentRef(personnummer: string): string {
    return this.cases.residentRef(personnummer);
  }
}
