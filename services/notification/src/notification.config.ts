import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

/** `true` or `false` from an environment variable; anything else is refused at start. */
function EnvBool(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))(target, key);
    IsBoolean({ message: `${String(key)} must be true or false` })(target, key);
  };
}

export class NotificationConfig extends BaseServiceConfig {
  /** Health and metrics; notification takes its work from RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3005;

  @IsString() @Length(1, 255) SMTP_HOST = '127.0.0.1';
  @EnvInt(1, 65535) SMTP_PORT = 2525;
  /** TLS from the first byte (port 465). */
  @EnvBool() SMTP_SECURE = false;
  /** Do not upgrade with STARTTLS even when the server offers it: for the local SMTP sink only. */
  @EnvBool() SMTP_IGNORE_TLS = true;

  /** The sender of every e-mail, e.g. `accessdesk <no-reply@accessdesk.se>`. */
  @IsString() @Length(3, 320) MAIL_FROM = 'accessdesk <no-reply@accessdesk.se>';

  /** Attempts at one e-mail before it is marked FAILED. */
  @EnvInt(1, 100) NOTIFICATION_MAX_ATTEMPTS = 8;
}
