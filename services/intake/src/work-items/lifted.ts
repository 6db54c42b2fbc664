import { EntityManager } from 'typeorm';
import { systemActor } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { isLifting } from '../rules/r10-unlock-by-requesting-region';

/**
 * R10: an executed unlock (or unseal) marks the lock it lifts as lifted, once. Shared by the staff
 * tool's answer and by the desk's record of what the tool shows after an UNKNOWN outcome (issue 9).
 */
export async function markLifted(manager: EntityManager, cases: CaseStore, entity: CaseEntity): Promise<void> {
  if (!isLifting(entity.type) || !entity.liftsCaseId) return;
  const lifted = await cases.findForUpdate(manager, entity.liftsCaseId);
  if (lifted && !lifted.liftedByCaseId) {
    lifted.liftedByCaseId = entity.id;
    await cases.save(manager, lifted);
    await cases.note(manager, lifted, systemActor('intake', entity.region), `Hävd genom ${entity.registryNumber} (R10)`);
  }
}
