import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { Reviews1732300000600 } from './migrations/1732300000600-reviews';
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
          entities: [ReviewEntity],
          migrations: [Reviews1732300000600],
        }),
      ],
      providers: [{ provide: ReviewSchedulerConfig, useValue: config }, ScheduleReviewService, ReviewSchedulerHandlers],
    };
  }
}
