import { MessagePattern } from '@nestjs/microservices';
import { DataSource, In } from 'typeorm';
import { appendAudit } from '@accessdesk/audit';
import { Envelope, ListWorkItemsV1, RpcReply, WORK_ITEM_PAGE_MAX, WorkItemList } from '@accessdesk/contracts';
import { CURSOR_INVALID, exactInstant, readCursor, writeCursor } from '@accessdesk/persistence';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';
import { CaseRepository } from '../domain/case/case.repository';
import { WorkItemEntity } from '../domain/work-items/work-item.entity';
import { queuesOf, workItemView } from '../domain/work-items/work-item-view';

/**
 * The desks' inbox (DESIGN.md "work items"): the items of the caller's queues in the caller's
 * region, oldest first, a page at a time by keyset on (created_at, id); a full inbox says so
 * (`truncated`, `nextCursor`) instead of ending silently. An item that shows a personnummer is a
 * read of the resident's case, recorded before it is answered (R23).
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
  async answer(@Message() envelope: Envelope<ListWorkItemsV1>): Promise<RpcReply<WorkItemList>> {
    const actor = envelope.actor;
    const queues = queuesOf(actor);
    const { status = 'OPEN', kind, limit = WORK_ITEM_PAGE_MAX, cursor } = envelope.payload.filter;
    const after = readCursor(cursor);
    if (after === 'invalid') return { ok: false, problem: CURSOR_INVALID };
    return this.dataSource.transaction(async (manager) => {
      const query = manager
        .getRepository(WorkItemEntity)
        .createQueryBuilder('w')
        .addSelect(exactInstant('w.created_at'), 'cursor_at')
        .where({ region: actor.region, queue: In(queues), status, ...(kind ? { kind } : {}) });
      if (after) query.andWhere('(w.created_at, w.id) > (:at::timestamptz, :id::uuid)', after);
      const { entities, raw } = await query.orderBy('w.createdAt', 'ASC').addOrderBy('w.id', 'ASC').limit(limit + 1).getRawAndEntities<{ cursor_at: string }>();
      const items = entities.slice(0, limit);
      const last = items.at(-1);
      const nextCursor = entities.length > limit && last ? writeCursor({ at: raw[items.length - 1].cursor_at, id: last.id }) : null;
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
      return { ok: true as const, body: { items: items.map((i) => workItemView(i, protectedCases.has(i.caseId))), nextCursor, truncated: nextCursor !== null } };
    });
  }
}
