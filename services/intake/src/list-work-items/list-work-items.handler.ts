import { MessagePattern } from '@nestjs/microservices';
import { DataSource, In } from 'typeorm';
import { appendAudit } from '@accessdesk/audit';
import { Envelope, ListWorkItemsV1, RpcReply, WorkItemView } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemEntity } from '../domain/work-items/work-item.entity';
import { queuesOf, workItemView } from '../domain/work-items/work-item-view';

/**
 * The desks' inbox (DESIGN.md "work items"): the items of the caller's queues in the caller's
 * region, oldest first. An item that shows a personnummer is a read of the resident's case, recorded
 * before it is answered (R23).
 */
@MessageHandlers()
export class ListWorkItemsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  /** The endpoint's roles, service desk and contact centre, are exactly those with a queue. */
  @MessagePattern(ListWorkItemsV1.type, { contract: ListWorkItemsV1, queue: 'rpc' })
  @ForEndpoint('GET /work-items')
  async answer(@Message() envelope: Envelope<ListWorkItemsV1>): Promise<RpcReply<{ items: WorkItemView[] }>> {
    const actor = envelope.actor;
    const queues = queuesOf(actor);
    const { status = 'OPEN', kind } = envelope.payload.filter;
    return this.dataSource.transaction(async (manager) => {
      const items = await manager.getRepository(WorkItemEntity).find({
        where: { region: actor.region, queue: In(queues), status, ...(kind ? { kind } : {}) },
        order: { createdAt: 'ASC' },
        take: 500,
      });
      // R23: an item that shows a personnummer is a read of the resident's case.
      for (const item of items.filter((i) => i.subject)) {
        await appendAudit(manager, {
          action: 'CASE_READ',
          actor,
          region: item.region,
          caseId: item.caseId,
          residentRef: this.cases.residentRef(item.subject?.personnummer ?? ''),
          detail: `arbetsuppgift ${item.kind} i inkorgen`,
        });
      }
      // Skyddad identitet: an item on a case whose resident the register marks protected says so.
      const caseIds = [...new Set(items.map((i) => i.caseId))];
      const marked = caseIds.length > 0 ? await manager.getRepository(CaseEntity).find({ select: { id: true }, where: { id: In(caseIds), protectedIdentity: true } }) : [];
      const protectedCases = new Set(marked.map((c) => c.id));
      return { ok: true as const, body: { items: items.map((i) => workItemView(i, protectedCases.has(i.caseId))) } };
    });
  }
}
