import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { canReadCase, caseListScope } from '@accessdesk/access';
import { appendAudit } from '@accessdesk/audit';
import { CASE_LIST_DEFAULT_LIMIT, CaseListView, CaseSummaryView, Envelope, ListCasesV1, RpcReply } from '@accessdesk/contracts';
import { CURSOR_INVALID, exactInstant, readCursor, writeCursor } from '@accessdesk/persistence';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseEntity } from '../domain/case/case.entity';

export function caseSummary(c: CaseEntity): CaseSummaryView {
  return {
    id: c.id,
    registryNumber: c.registryNumber,
    type: c.type,
    status: c.status,
    region: c.region,
    channel: c.channel,
    outcome: c.outcome,
    requestingUnit: { hsaId: c.request.requestingUnit.hsaId, name: c.request.requestingUnit.name },
    protectedIdentity: c.protectedIdentity ?? false,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * `GET /cases`: the cases the caller may see (the same rule as `GET /cases/{id}`: own unit for care
 * staff, own region for the service desk and the auditors), newest first, narrowed by registry
 * number (exact), requesting unit and status, a page at a time by keyset on (created_at, id): a case
 * filed while the pages are read is newer than every page already read, so it neither shifts nor
 * repeats what follows. A summary carries no personnummer and no name. Each page is one record in
 * the audit trail (R23) naming the filter and the cases listed; opening a case is its own read.
 */
@MessageHandlers()
export class ListCasesHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(ListCasesV1.type, { contract: ListCasesV1, queue: 'rpc' })
  @ForEndpoint('GET /cases')
  async answer(@Message() envelope: Envelope<ListCasesV1>): Promise<RpcReply<CaseListView>> {
    const actor = envelope.actor;
    const { registryNumber, unit, status, cursor } = envelope.payload.filter;
    const limit = envelope.payload.filter.limit ?? CASE_LIST_DEFAULT_LIMIT;
    const after = readCursor(cursor);
    if (after === 'invalid') return { ok: false, problem: CURSOR_INVALID };
    const scope = caseListScope(actor, 'CASE');
    return this.dataSource.transaction(async (manager) => {
      let rows: Array<{ entity: CaseEntity; at: string }> = [];
      if (scope) {
        const query = manager
          .getRepository(CaseEntity)
          .createQueryBuilder('c')
          .addSelect(exactInstant('c.created_at'), 'cursor_at')
          .where('c.region = :region', { region: scope.region });
        if (scope.requestingUnitHsaId !== null) query.andWhere('c.requesting_unit_hsa_id = :own', { own: scope.requestingUnitHsaId });
        if (unit !== undefined) query.andWhere('c.requesting_unit_hsa_id = :unit', { unit });
        if (registryNumber !== undefined) query.andWhere('c.registry_number = :registryNumber', { registryNumber });
        if (status !== undefined) query.andWhere('c.status = :status', { status });
        if (after) query.andWhere('(c.created_at, c.id) < (:at::timestamptz, :id::uuid)', after);
        const { entities, raw } = await query.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').limit(limit + 1).getRawAndEntities<{ cursor_at: string }>();
        rows = entities.map((entity, i) => ({ entity, at: raw[i].cursor_at }));
      }
      const page = rows.slice(0, limit);
      // The query applies the object rule; the rule itself has the last word on each case.
      const items = page.filter(({ entity: c }) => canReadCase(actor, { region: c.region, requestingUnitHsaId: c.requestingUnitHsaId, kind: 'CASE' })).map(({ entity }) => caseSummary(entity));
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? writeCursor({ at: last.at, id: last.entity.id }) : null;
      const filter = [registryNumber && `diarienummer ${registryNumber}`, unit && `enhet ${unit}`, status && `status ${status}`].filter(Boolean).join(', ');
      await appendAudit(manager, {
        action: 'CASES_LISTED',
        actor,
        region: actor.region,
        detail: `ärendelista${filter ? ` (${filter})` : ''}${cursor ? ', nästa sida' : ''}: ${items.length} ärenden${items.length ? ` ${items.map((i) => i.registryNumber).join(' ')}` : ''}`,
      });
      return { ok: true as const, body: { items, nextCursor, truncated: nextCursor !== null } };
    });
  }
}
