import { Transform } from 'class-transformer';
import { IsUrl } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** A base URL is used without its trailing slash, so `{url}/actions` never has a double one. */
const withoutTrailingSlash = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value));

export class ExecutionConfig extends BaseServiceConfig {
  /** Health and metrics; execution takes its commands from RabbitMQ. */
  @EnvInt(0, 65535) HTTP_PORT = 3003;

  /** Base URL of the staff tool's HTTP contract (`http` mode): `POST {url}/accounts/query`, `POST {url}/actions`. */
  @withoutTrailingSlash
  @IsUrl(HTTP_URL, { message: 'STAFF_TOOL_URL must be an http(s) URL' })
  STAFF_TOOL_URL = 'http://127.0.0.1:4000/staff-tool';

  /** How long one call to the staff tool may take before it counts as a failed attempt. */
  @EnvInt(100, 120_000) STAFF_TOOL_TIMEOUT_MS = 10_000;

  /** Attempts at one action before it is reported FAILED with STAFF_TOOL_UNAVAILABLE. */
  @EnvInt(1, 100) EXECUTION_MAX_ATTEMPTS = 5;
}
