/**
 * Request/reply (gateway → a service). A reply is either the answer or a problem document
 * (RFC 9457) that the gateway passes on as `application/problem+json`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export type RpcReply<T> = { ok: true; body: T } | { ok: false; problem: Problem };

/** The base of every problem `type` URI; a stable path per rule broken follows it. */
export const PROBLEM_BASE = 'https://accessdesk.se/problems/';

export function problem(slug: string, status: number, title: string, detail?: string, extra?: Record<string, unknown>): Problem {
  return { type: `${PROBLEM_BASE}${slug}`, title, status, ...(detail ? { detail } : {}), ...extra };
}

/** The queue a service takes its requests on: `<service>.rpc`. */
export function rpcQueue(service: string): string {
  return `${service}.rpc`;
}
