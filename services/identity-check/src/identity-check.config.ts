import { Transform } from 'class-transformer';
import { IsUrl } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** A base URL is used without its trailing slash, so `{url}/lookup` never has a double one. */
const withoutTrailingSlash = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value));

export class IdentityCheckConfig extends BaseServiceConfig {
  /** Health and metrics; identity-check takes its work from RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3002;

  /** Base URL of the population register (folkbokföringen): `POST {url}/lookup`, for R4 and `LookUpResidentV1`. */
  @withoutTrailingSlash
  @IsUrl(HTTP_URL, { message: 'POPULATION_REGISTER_URL must be an http(s) URL' })
  POPULATION_REGISTER_URL = 'http://127.0.0.1:4000/population-register';

  /** Base URL of the staff directory (HSA): `GET {url}/persons/:hsaId` (care provider, regional staff id, roles). */
  @withoutTrailingSlash
  @IsUrl(HTTP_URL, { message: 'STAFF_DIRECTORY_URL must be an http(s) URL' })
  STAFF_DIRECTORY_URL = 'http://127.0.0.1:4000/staff-directory';

  /**
   * R12: how long an emergency lock waits for the staff directory before the desk is told it cannot
   * answer and may act on its own judgement: an emergency must not wait for a register.
   */
  @EnvInt(100, 30_000) EMERGENCY_DIRECTORY_TIMEOUT_MS = 2_000;
}
