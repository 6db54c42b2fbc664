import { MessagePattern } from '@nestjs/microservices';
import { DataSource, In } from 'typeorm';
import { Envelope, ListReviewsV1, REVIEW_PAGE_MAX, REVIEW_STATUSES, ReviewList, ReviewView, RpcReply } from '@accessdesk/contracts';
import { CURSOR_INVALID, exactInstant, readCursor, writeCursor } from '@accessdesk/persistence';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { ReviewEntity } from '../reviews/review.entity';
import { isOverdue, mayDecide } from '../rules/r9-three-month-review';

const UNDECIDED = REVIEW_STATUSES.filter(mayDecide);

/** One review as the requesting unit sees it; `now` decides whether it is overdue. */
export function toReviewView(review: ReviewEntity, now: Date): ReviewView {
  return {
    id: review.id,
    caseId: review.caseId,
    registryNumber: review.registryNumber,
    region: review.region,
    requestingUnitHsaId: review.requestingUnitHsaId,
    decidedByHsaId: review.decidedByHsaId,
    executedAt: review.executedAt.toISOString(),
    dueAt: review.dueAt.toISOString(),
    status: review.status,
    overdue: isOverdue(review.status, review.dueAt, now),
    remindedAt: review.remindedAt?.toISOString() ?? null,
    escalatedAt: review.escalatedAt?.toISOString() ?? null,
    outcome: review.outcome,
    decidedAt: review.decidedAt?.toISOString() ?? null,
  };
}

/**
 * R9 `GET /reviews`: the reviews of the caller's own unit in the caller's own region, by due date,
 * a page at a time by keyset on (due_at, id); `open` (default) leaves decided ones out. Authority is checked here again, not only at the
 * gateway: a role that may not review is refused (`@ForEndpoint`); a caller without a unit, or of
 * another region or unit, sees none.
 */
@MessageHandlers()
export class ListReviewsHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(ListReviewsV1.type, { contract: ListReviewsV1, queue: 'rpc' })
  @ForEndpoint('GET /reviews')
  async answer(@Message() envelope: Envelope<ListReviewsV1>): Promise<RpcReply<ReviewList>> {
    const actor = envelope.actor;
    const { state = 'open', limit = REVIEW_PAGE_MAX, cursor } = envelope.payload.filter;
    const after = readCursor(cursor);
    if (after === 'invalid') return { ok: false, problem: CURSOR_INVALID };
    if (!actor.unit) return { ok: true, body: { reviews: [], nextCursor: null, truncated: false } };
    const query = this.dataSource
      .getRepository(ReviewEntity)
      .createQueryBuilder('r')
      .addSelect(exactInstant('r.due_at'), 'cursor_at')
      .where({ region: actor.region, requestingUnitHsaId: actor.unit, ...(state === 'open' ? { status: In(UNDECIDED) } : {}) });
    if (after) query.andWhere('(r.due_at, r.id) > (:at::timestamptz, :id::uuid)', after);
    const { entities, raw } = await query.orderBy('r.dueAt', 'ASC').addOrderBy('r.id', 'ASC').limit(limit + 1).getRawAndEntities<{ cursor_at: string }>();
    const reviews = entities.slice(0, limit);
    const last = reviews.at(-1);
    const nextCursor = entities.length > limit && last ? writeCursor({ at: raw[reviews.length - 1].cursor_at, id: last.id }) : null;
    const now = new Date();
    return { ok: true, body: { reviews: reviews.map((r) => toReviewView(r, now)), nextCursor, truncated: nextCursor !== null } };
  }
}
