import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { StaffToolAction, WorkItemKind, WorkQueue } from '@accessdesk/contracts';
import { CaseEntity } from '../case/case.entity';
import { WorkItemEntity } from './work-item.entity';

export interface NewWorkItem {
  kind: WorkItemKind;
  queue: WorkQueue;
  region: string;
  caseId: string;
  registryNumber: string;
  title: string;
  details?: string[];
  action?: StaffToolAction | null;
  actionId?: string | null;
  subject?: WorkItemEntity['subject'];
}

/**
 * The desks' inbox as the use cases fill and empty it (DESIGN.md "work items"): manual execution
 * (R7), phone verification (R4), the missing form of an emergency lock (R12) and failed executions
 * (R7). One open item of a kind per case, in the caller's transaction.
 */
@Injectable()
export class WorkItemInbox {
  /** Opens an item unless one of the kind is open for the case (or exists for the action). */
  async open(manager: EntityManager, item: NewWorkItem): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(WorkItemEntity)
      .values({
        id: randomUUID(),
        kind: item.kind,
        queue: item.queue,
        status: 'OPEN',
        region: item.region,
        caseId: item.caseId,
        registryNumber: item.registryNumber,
        action: item.action ?? null,
        actionId: item.actionId ?? null,
        title: item.title,
        details: item.details ?? [],
        escalated: false,
        subject: item.subject ?? null,
        createdAt: new Date(),
        completedAt: null,
        completedBy: null,
        resolution: null,
      })
      .orIgnore()
      .execute();
  }

  /** R12: an emergency lock not executed on: the desk's inbox says why, and what the desk can do. */
  async openEmergencyCall(manager: EntityManager, entity: CaseEntity, reasons: string[]): Promise<void> {
    await this.open(manager, {
      kind: 'EMERGENCY_CALL',
      queue: 'SERVICE_DESK',
      region: entity.region,
      caseId: entity.id,
      registryNumber: entity.registryNumber,
      title: `Nödspärren har inte verkställts – ${entity.registryNumber}`,
      details: [
        ...reasons.map((r) => `Skäl: ${r}.`),
        `Ring tillbaka på numret i personalkatalogen och komplettera ärendet med rätt uppringare, återuppringning eller beslutsfattare (POST /cases/${entity.id}/completion); personalkatalogen tillfrågas då på nytt.`,
        `Var samtalet inte äkta: makulera ärendet (POST /cases/${entity.id}/void).`,
      ],
    });
  }

  /** Marks the open item of `kind` on a case done (the endpoint on the case did the work). */
  async closeOpen(manager: EntityManager, caseId: string, kinds: WorkItemKind[], by: string, resolution: string): Promise<void> {
    await manager
      .getRepository(WorkItemEntity)
      .update({ caseId, kind: In(kinds), status: 'OPEN' }, { status: 'DONE', completedAt: new Date(), completedBy: by, resolution, subject: null });
  }

  async escalate(manager: EntityManager, caseId: string, kind: WorkItemKind, detail: string): Promise<void> {
    const item = await manager.getRepository(WorkItemEntity).findOneBy({ caseId, kind, status: 'OPEN' });
    if (!item) return;
    await manager.getRepository(WorkItemEntity).update({ id: item.id }, { escalated: true, details: [...item.details, detail] });
  }
}
