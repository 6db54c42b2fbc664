import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

export class IntakeConfig extends BaseServiceConfig {
  /** Health and metrics; intake takes its requests over RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3001;
}
