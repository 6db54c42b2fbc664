import { IsOptional } from 'class-validator';
import { BaseServiceConfig, EnvInt, IsIsoDuration } from '@accessdesk/platform';

export class ReviewSchedulerConfig extends BaseServiceConfig {
  /** Health and metrics; review-scheduler takes its work from RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3006;

  /**
   * R9, R24: time from an executed lock to its review, as an ISO 8601 duration (`PT5S` for a demo).
   * Unset, each region's `reviewPeriod` from the regions file applies; set, it overrides every region's.
   */
  @IsOptional() @IsIsoDuration() REVIEW_PERIOD?: string;
}
