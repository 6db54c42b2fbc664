import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseReturnedV1, Envelope, PaperworkReceivedV1, PaperworkReturnedV1 } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';
import { CaseStore } from '../cases/case-store';
import { WorkItemsService } from '../work-items/work-items.service';

/**
 * R12: the end of one check of an emergency lock's form (R1, R4), shared by the checks' answer and
 * the desk's phone call to its signer: accepted, it ends the chase; sent back, the chase goes on.
 */
@Injectable()
export class PaperworkService {
  constructor(
    private readonly cases: CaseStore,
    private readonly workItems: WorkItemsService,
  ) {}

  /** R12: a form that passed the checks: the chase ends, and the case may close. */
  async accept(manager: EntityManager, entity: CaseEntity, cause: Envelope, note: string): Promise<void> {
    entity.paperwork = 'RECEIVED';
    await this.cases.save(manager, entity);
    await this.cases.note(manager, entity, cause.actor, note);
    await this.workItems.closeOpen(manager, entity.id, ['PAPERWORK'], cause.actor.sub, 'RECEIVED');
    const received: PaperworkReceivedV1 = { caseId: entity.id, receivedAt: new Date().toISOString() };
    await this.cases.publish(manager, PaperworkReceivedV1, received, entity, cause, cause.actor);
    await this.cases.closeIfDone(manager, entity);
  }

  /** R12: a form that failed the checks goes back with the reasons; the lock stays and the chase goes on. */
  async sendBack(manager: EntityManager, entity: CaseEntity, cause: Envelope, reasons: string[]): Promise<void> {
    entity.paperwork = 'RETURNED_FOR_COMPLETION';
    await this.cases.save(manager, entity);
    await this.cases.note(manager, entity, cause.actor, `Blanketten returnerad för komplettering: ${reasons.join('; ')}. Nödspärren gäller; påminnelserna fortsätter tills en godkänd blankett kommit in (R12)`);
    const at = new Date().toISOString();
    await this.cases.publish(
      manager,
      CaseReturnedV1,
      { caseId: entity.id, registryNumber: entity.registryNumber, caseType: entity.type, reasons, requestingUnit: this.cases.recipient(entity), at, followUpForm: true },
      entity,
      cause,
      cause.actor,
    );
    await this.cases.publish(manager, PaperworkReturnedV1, { caseId: entity.id, reasons, returnedAt: at }, entity, cause, cause.actor);
  }
}
