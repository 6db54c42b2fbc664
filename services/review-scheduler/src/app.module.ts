import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { ChasePaperworkHandler } from './chase-paperwork/chase-paperwork.handler';
import { ListReviewsHandler } from './list-reviews/list-reviews.handler';
import { Reviews1732300000600 } from './migrations/1732300000600-reviews';
import { RemindersAndPaperworkChases1732300000610 } from './migrations/1732300000610-reminders-and-paperwork-chases';
import { PaperworkReturns1732300000620 } from './migrations/1732300000620-paperwork-returns';
import { OnLockLiftedHandler } from './on-lock-lifted/on-lock-lifted.handler';
import { OnReviewDecidedHandler } from './on-review-decided/on-review-decided.handler';
import { PaperworkChaseEntity } from './paperwork-chases/paperwork-chase.entity';
import { PaperworkOverdueWorker } from './paperwork-overdue-worker/paperwork-overdue.worker';
import { ReviewDueWorker } from './review-due-worker/review-due.worker';
import { ReviewSchedulerConfig } from './review-scheduler.config';
import { ReviewEntity } from './reviews/review.entity';
import { ScheduleReviewHandler } from './schedule-review/schedule-review.handler';

@Module({})
export class AppModule {
  static forRoot(config: ReviewSchedulerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'review-scheduler',
          config,
          entities: [ReviewEntity, PaperworkChaseEntity],
          migrations: [Reviews1732300000600, RemindersAndPaperworkChases1732300000610, PaperworkReturns1732300000620],
        }),
      ],
      // Requests on `review-scheduler.rpc`, events on `review-scheduler.events`. CaseConcludedV1 has two
      // handlers, run in this order in one inbox transaction: the review is scheduled, then a lock
      // lifted by its own unlock case ends the review of that lock.
      controllers: [ScheduleReviewHandler, OnLockLiftedHandler, OnReviewDecidedHandler, ChasePaperworkHandler, ListReviewsHandler],
      providers: [{ provide: ReviewSchedulerConfig, useValue: config }, ReviewDueWorker, PaperworkOverdueWorker],
    };
  }
}
