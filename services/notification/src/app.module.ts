import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { SmtpMailer } from './mail/smtp-mailer';
import { Notifications1732300000500 } from './migrations/1732300000500-notifications';
import { NotificationConfig } from './notification.config';
import { NotificationHandlers } from './notification.handlers';
import { NotificationEntity } from './notifications/notification.entity';
import { OnCaseConcludedService } from './on-case-concluded/on-case-concluded.service';
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
          migrations: [Notifications1732300000500],
        }),
      ],
      providers: [
        { provide: NotificationConfig, useValue: config },
        SmtpMailer,
        OnCaseConcludedService,
        SendNotificationsService,
        NotificationHandlers,
      ],
    };
  }
}
