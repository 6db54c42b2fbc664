import { EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope, PaperworkOverdueV1 } from '@accessdesk/contracts';
import { InboxTransaction, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemInbox } from '../domain/work-items/work-item-inbox.service';
import { paperworkOwed } from '../rules/r12-emergency-lock';

/**
 * R12: the form of an emergency lock is chased. At the reminder the service desk gets a work item
 * to follow it up; at the escalation the item is marked escalated. Both are in the case's timeline.
 */
@MessageHandlers()
export class OnPaperworkOverdueHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly inbox: WorkItemInbox,
  ) {}

  @EventPattern(PaperworkOverdueV1.type, { contract: PaperworkOverdueV1, queue: 'events' })
  async handle(@Message() envelope: Envelope<PaperworkOverdueV1>, @Payload() overdue: PaperworkOverdueV1, @InboxTransaction() manager: EntityManager): Promise<void> {
    const entity = await this.cases.findForUpdate(manager, overdue.caseId);
    // R12: owed until a form passes the checks; a returned form is chased as a missing one.
    if (!entity || !paperworkOwed(entity.paperwork)) return;
    const returned = entity.paperwork === 'RETURNED_FOR_COMPLETION';
    const from = overdue.sender === 'RESIDENT' ? 'invånaren' : 'vårdpersonalen';
    if (overdue.stage === 'REMINDER') {
      await this.inbox.open(manager, {
        kind: 'PAPERWORK',
        queue: 'SERVICE_DESK',
        region: entity.region,
        caseId: entity.id,
        registryNumber: entity.registryNumber,
        title: `Blanketten för nödspärren saknas – ${entity.registryNumber}`,
        details: [
          `Blanketten ska skickas i efterhand av ${from} (R12).`,
          ...(returned ? ['Blanketten som kom in returnerades för komplettering; en godkänd blankett saknas.'] : []),
          `Påminnelse skickad till ${entity.request.requestingUnit.name}.`,
        ],
      });
      await this.cases.note(manager, entity, envelope.actor, `Påminnelse: blanketten från ${from} saknas (R12)`);
      return;
    }
    await this.inbox.escalate(manager, entity.id, 'PAPERWORK', 'Eskalerat till verksamhetschef och servicedesk.');
    await this.cases.note(manager, entity, envelope.actor, `Eskalering: blanketten från ${from} saknas fortfarande (R12)`);
  }
}
