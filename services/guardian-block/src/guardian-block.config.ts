import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

export class GuardianBlockConfig extends BaseServiceConfig {
  @EnvInt(0, 65535) HTTP_PORT = 3004;
}
