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
  /** Refuse to send unless the server upgrades with STARTTLS. */
  @EnvBool() SMTP_REQUIRE_TLS = false;

  /** The sender of every e-mail, e.g. `accessdesk <no-reply@accessdesk.se>`. */
  @IsString() @Length(3, 320) MAIL_FROM = 'accessdesk <no-reply@accessdesk.se>';

  /** Attempts at one e-mail before it is marked FAILED. */
  @EnvInt(1, 100) NOTIFICATION_MAX_ATTEMPTS = 8;
}

/**
 * 000 §8: feedback goes by encrypted e-mail. In production the connection to the mail server must be
 * encrypted: TLS from the first byte, or STARTTLS required. What this cannot promise is encryption
 * past that server (S/MIME or the region's secure-mail gateway); that is the mail server's part.
 */
export function unencryptedMailProblem(config: Pick<NotificationConfig, 'SMTP_SECURE' | 'SMTP_IGNORE_TLS' | 'SMTP_REQUIRE_TLS'>, nodeEnv: string | undefined): string | null {
  if (nodeEnv !== 'production' || config.SMTP_SECURE || (config.SMTP_REQUIRE_TLS && !config.SMTP_IGNORE_TLS)) return null;
  return 'In production the mail server connection must be encrypted (000 §8): set SMTP_SECURE=true, or SMTP_REQUIRE_TLS=true with SMTP_IGNORE_TLS=false';
}
