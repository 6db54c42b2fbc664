import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseConcludedV1 } from '@accessdesk/contracts';
import { Messaging, on } from '@accessdesk/messaging';
import { ScheduleReviewService } from './schedule-review/schedule-review.service';

/** Thin adapter from the queue to the use case: events on `review-scheduler.events`. */
@Injectable()
export class ReviewSchedulerHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly scheduleReview: ScheduleReviewService,
  ) {}

  onModuleInit(): void {
    this.messaging.subscribe('events', [on(CaseConcludedV1, (envelope, payload, manager) => this.scheduleReview.handle(envelope, payload, manager))]);
  }
}
