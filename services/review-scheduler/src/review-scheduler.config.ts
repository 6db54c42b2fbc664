import { BaseServiceConfig, EnvInt, IsIsoDuration } from '@accessdesk/platform';

export class ReviewSchedulerConfig extends BaseServiceConfig {
  /** Health and metrics; review-scheduler takes its work from RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3006;

  /** R9: time from an executed lock to its review, as an ISO 8601 duration (`P3M`; `PT5S` for a demo). */
  @IsIsoDuration() REVIEW_PERIOD = 'P3M';
}
