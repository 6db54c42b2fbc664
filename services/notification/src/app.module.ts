import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { SmtpMailer } from './mail/smtp-mailer';
import { Notifications1732300000500 } from './migrations/1732300000500-notifications';
import { NotificationKinds1732300000510 } from './migrations/1732300000510-notification-kinds';
import { NotificationConfig } from './notification.config';
import { NotificationHandlers } from './notification.handlers';
import { NotificationQueueService } from './notifications/notification-queue.service';
import { NotificationEntity } from './notifications/notification.entity';
import { OnCaseConcludedService } from './on-case-concluded/on-case-concluded.service';
import { OnCaseRefusedService } from './on-case-refused/on-case-refused.service';
import { OnCaseEndedService } from './on-case-ended/on-case-ended.service';
import { OnCaseReturnedService } from './on-case-returned/on-case-returned.service';
import { OnGuardianBlockConcludedService } from './on-guardian-block-concluded/on-guardian-block-concluded.service';
import { OnPaperworkOverdueService } from './on-paperwork-overdue/on-paperwork-overdue.service';
import { OnReviewDueService } from './on-review-due/on-review-due.service';
import { SendNotificationsService } from './send-notifications/send-notifications.service';

@Module({})
export class AppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'notification',
          config,
          entities: [NotificationEntity],
          migrations: [Notifications1732300000500, NotificationKinds1732300000510],
        }),
      ],
      providers: [
        { provide: NotificationConfig, useValue: config },
        SmtpMailer,
        NotificationQueueService,
        OnCaseConcludedService,
        OnCaseReturnedService,
        OnCaseRefusedService,
        OnCaseEndedService,
        OnReviewDueService,
        OnPaperworkOverdueService,
        OnGuardianBlockConcludedService,
        SendNotificationsService,
        NotificationHandlers,
      ],
    };
  }
}
