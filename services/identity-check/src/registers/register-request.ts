import { TransientError } from '@accessdesk/messaging';

/** How long one call to the population register or the staff directory may take. */
export const REGISTER_TIMEOUT_MS = 5_000;

/**
 * A register did not answer usefully (5xx, timeout, network, an answer of the wrong shape). Thrown
 * out of the message handler; it is transient (libs/messaging errors.ts), so the message waits in a
 * delay queue and comes back, for as long as a register outage may last, instead of dying.
 * The message names the register and the status only, never the person asked about.
 */
export class RegisterUnavailableError extends TransientError {
  override readonly name = 'RegisterUnavailableError';
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** One JSON call with a deadline (`timeoutMs`, default REGISTER_TIMEOUT_MS); 404 is an answer, any other non-2xx is `RegisterUnavailableError`. */
export async function requestJson(register: string, url: string, init: RequestInit = {}, timeoutMs = REGISTER_TIMEOUT_MS): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'not reachable';
    throw new RegisterUnavailableError(`${register} ${reason}`);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { status: 404, body: null };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new RegisterUnavailableError(`${register} answered ${response.status}`);
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch {
    throw new RegisterUnavailableError(`${register} answered ${response.status} without JSON`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
