import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { EmailSenderWorker } from './email-sender/email-sender.worker';
import { SmtpMailer } from './mail/smtp-mailer';
import { Notifications1732300000500 } from './migrations/1732300000500-notifications';
import { NotificationKinds1732300000510 } from './migrations/1732300000510-notification-kinds';
import { NotificationConfig } from './notification.config';
import { NotificationQueueService } from './notifications/notification-queue.service';
import { NotificationEntity } from './notifications/notification.entity';
import { OnCaseConcludedHandler } from './on-case-concluded/on-case-concluded.handler';
import { OnCaseEndedHandler } from './on-case-ended/on-case-ended.handler';
import { OnCaseRefusedHandler } from './on-case-refused/on-case-refused.handler';
import { OnCaseReturnedHandler } from './on-case-returned/on-case-returned.handler';
import { OnGuardianBlockConcludedHandler } from './on-guardian-block-concluded/on-guardian-block-concluded.handler';
import { OnPaperworkOverdueHandler } from './on-paperwork-overdue/on-paperwork-overdue.handler';
import { OnReviewDueHandler } from './on-review-due/on-review-due.handler';

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
      // Events on `notification.events`.
      controllers: [
        OnCaseConcludedHandler,
        OnCaseReturnedHandler,
        OnCaseRefusedHandler,
        OnCaseEndedHandler,
        OnReviewDueHandler,
        OnPaperworkOverdueHandler,
        OnGuardianBlockConcludedHandler,
      ],
      providers: [{ provide: NotificationConfig, useValue: config }, SmtpMailer, NotificationQueueService, EmailSenderWorker],
    };
  }
}
