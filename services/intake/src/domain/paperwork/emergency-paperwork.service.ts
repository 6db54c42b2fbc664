import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseReturnedV1, Envelope, PaperworkReceivedV1, PaperworkReturnedV1 } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { CaseEntity } from '../case/case.entity';
import { aboutCase, recipient } from '../case/case-events';
import { CaseLifecycle } from '../case/case-lifecycle.service';
import { CaseRepository } from '../case/case.repository';
import { WorkItemInbox } from '../work-items/work-item-inbox.service';

/**
 * R12: the end of one check of an emergency lock's form (R1, R4), shared by the checks' answer and
 * the desk's phone call to its signer: accepted, it ends the chase; sent back, the chase goes on.
 */
@Injectable()
export class EmergencyPaperwork {
  constructor(
    private readonly messaging: Messaging,
    private readonly cases: CaseRepository,
    private readonly lifecycle: CaseLifecycle,
    private readonly inbox: WorkItemInbox,
  ) {}

  /** R12: a form that passed the checks: the chase ends, and the case may close. */
  async accept(manager: EntityManager, entity: CaseEntity, cause: Envelope, note: string): Promise<void> {
    entity.paperwork = 'RECEIVED';
    await this.cases.save(manager, entity);
    await this.cases.note(manager, entity, cause.actor, note);
    await this.inbox.closeOpen(manager, entity.id, ['PAPERWORK'], cause.actor.sub, 'RECEIVED');
    const received: PaperworkReceivedV1 = { caseId: entity.id, receivedAt: new Date().toISOString() };
    await this.messaging.publish(manager, cause, PaperworkReceivedV1, received, aboutCase(entity));
    await this.lifecycle.closeIfDone(manager, entity, cause);
  }

  /** R12: a form that failed the checks goes back with the reasons; the lock stays and the chase goes on. */
  async sendBack(manager: EntityManager, entity: CaseEntity, cause: Envelope, reasons: string[]): Promise<void> {
    entity.paperwork = 'RETURNED_FOR_COMPLETION';
    await this.cases.save(manager, entity);
    await this.cases.note(manager, entity, cause.actor, `Blanketten returnerad för komplettering: ${reasons.join('; ')}. Nödspärren gäller; påminnelserna fortsätter tills en godkänd blankett kommit in (R12)`);
    const at = new Date().toISOString();
    const returned: CaseReturnedV1 = { caseId: entity.id, registryNumber: entity.registryNumber, caseType: entity.type, reasons, requestingUnit: recipient(entity), at, followUpForm: true };
    await this.messaging.publish(manager, cause, CaseReturnedV1, returned, aboutCase(entity));
    await this.messaging.publish(manager, cause, PaperworkReturnedV1, { caseId: entity.id, reasons, returnedAt: at }, aboutCase(entity));
  }
}
