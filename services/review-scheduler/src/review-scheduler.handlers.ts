import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseConcludedV1, ListReviewsV1, PaperworkPendingV1, PaperworkReceivedV1, PaperworkReturnedV1, PaperworkWaivedV1, ReviewDecidedV1 } from '@accessdesk/contracts';
import { Messaging, answer, on } from '@accessdesk/messaging';
import { ChasePaperworkService } from './chase-paperwork/chase-paperwork.service';
import { ListReviewsService } from './list-reviews/list-reviews.service';
import { OnLockLiftedService } from './on-lock-lifted/on-lock-lifted.service';
import { OnReviewDecidedService } from './on-review-decided/on-review-decided.service';
import { PaperworkOverdueService } from './paperwork-overdue/paperwork-overdue.service';
import { ReviewDueService } from './review-due/review-due.service';
import { ScheduleReviewService } from './schedule-review/schedule-review.service';

/** Thin adapters from the queues to the use cases: requests on `review-scheduler.rpc`, events on `review-scheduler.events`. */
@Injectable()
export class ReviewSchedulerHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly scheduleReview: ScheduleReviewService,
    private readonly reviewDecided: OnReviewDecidedService,
    private readonly lockLifted: OnLockLiftedService,
    private readonly chasePaperwork: ChasePaperworkService,
    private readonly listReviews: ListReviewsService,
    private readonly reviewDue: ReviewDueService,
    private readonly paperworkOverdue: PaperworkOverdueService,
  ) {}

  onModuleInit(): void {
    this.messaging.serve([answer(ListReviewsV1, (envelope) => this.listReviews.list(envelope))]);
    this.messaging.subscribe(
      'events',
      [
        on(CaseConcludedV1, async (envelope, payload, manager) => {
          await this.scheduleReview.handle(envelope, payload, manager);
          await this.lockLifted.handle(envelope, payload, manager);
        }),
        on(ReviewDecidedV1, (envelope, payload, manager) => this.reviewDecided.handle(envelope, payload, manager)),
        on(PaperworkPendingV1, (envelope, payload, manager) => this.chasePaperwork.pending(envelope, payload, manager)),
        on(PaperworkReceivedV1, (envelope, payload, manager) => this.chasePaperwork.received(envelope, payload, manager)),
        on(PaperworkReturnedV1, (envelope, payload, manager) => this.chasePaperwork.returned(envelope, payload, manager)),
        on(PaperworkWaivedV1, (envelope, payload, manager) => this.chasePaperwork.waived(envelope, payload, manager)),
      ],
      {
        // A review or chase whose date already passed (a late event, a catch-up) is due at once.
        afterCommit: () => {
          this.reviewDue.kick();
          this.paperworkOverdue.kick();
        },
      },
    );
  }
}
