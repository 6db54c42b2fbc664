import { MessagePattern } from '@nestjs/microservices';
import { DataSource, In } from 'typeorm';
import { Envelope, ListReviewsV1, REVIEW_STATUSES, ReviewView, RpcReply } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { ReviewEntity } from '../reviews/review.entity';
import { isOverdue, mayDecide } from '../rules/r9-three-month-review';

export interface ReviewList {
  reviews: ReviewView[];
}

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
 * R9 `GET /reviews`: the reviews of the caller's own unit in the caller's own region, by due date;
 * `open` (default) leaves decided ones out. Authority is checked here again, not only at the
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
    if (!actor.unit) return { ok: true, body: { reviews: [] } };
    const state = envelope.payload.filter.state ?? 'open';
    const reviews = await this.dataSource.getRepository(ReviewEntity).find({
      where: {
        region: actor.region,
        requestingUnitHsaId: actor.unit,
        ...(state === 'open' ? { status: In(UNDECIDED) } : {}),
      },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    const now = new Date();
    return { ok: true, body: { reviews: reviews.map((r) => toReviewView(r, now)) } };
  }
}
