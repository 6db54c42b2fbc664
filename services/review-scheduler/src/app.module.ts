import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { ChasePaperworkService } from './chase-paperwork/chase-paperwork.service';
import { ListReviewsService } from './list-reviews/list-reviews.service';
import { Reviews1732300000600 } from './migrations/1732300000600-reviews';
import { RemindersAndPaperworkChases1732300000610 } from './migrations/1732300000610-reminders-and-paperwork-chases';
import { PaperworkReturns1732300000620 } from './migrations/1732300000620-paperwork-returns';
import { OnLockLiftedService } from './on-lock-lifted/on-lock-lifted.service';
import { OnReviewDecidedService } from './on-review-decided/on-review-decided.service';
import { PaperworkChaseEntity } from './paperwork-chases/paperwork-chase.entity';
import { PaperworkOverdueService } from './paperwork-overdue/paperwork-overdue.service';
import { ReviewDueService } from './review-due/review-due.service';
import { ReviewSchedulerConfig } from './review-scheduler.config';
import { ReviewSchedulerHandlers } from './review-scheduler.handlers';
import { ReviewEntity } from './reviews/review.entity';
import { ScheduleReviewService } from './schedule-review/schedule-review.service';

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
      providers: [
        { provide: ReviewSchedulerConfig, useValue: config },
        ScheduleReviewService,
        OnReviewDecidedService,
        OnLockLiftedService,
        ChasePaperworkService,
        ListReviewsService,
        ReviewDueService,
        PaperworkOverdueService,
        ReviewSchedulerHandlers,
      ],
    };
  }
}
