import { Transform } from 'class-transformer';
import { IsUrl } from 'class-validator';
import { BaseServiceConfig, EnvInt } from '@accessdesk/platform';
import { STAFF_TOOL_RETRY_PERIOD_MS } from './staff-tool-worker/retry-backoff';

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

  /**
   * Attempts at one action the staff tool does not answer before the adapter reconciles with the
   * account's state (EXECUTED / FAILED / UNKNOWN); a cap behind STAFF_TOOL_RETRY_PERIOD_MS, which
   * normally ends the retries first (backoff 1 s doubling to 60 s: about 16 attempts in 10 minutes).
   */
  @EnvInt(1, 1000) EXECUTION_MAX_ATTEMPTS = 100;

  /** How long, from its acceptance, an unanswered action is retried (issue 9: minutes, not seconds). */
  @EnvInt(0, 24 * 3_600_000) STAFF_TOOL_RETRY_PERIOD_MS = STAFF_TOOL_RETRY_PERIOD_MS;
}
