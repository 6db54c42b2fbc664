import { HttpException } from '@nestjs/common';

// RFC 9457 problem details. Every `detail` here is written by us: never an echo of the request,
// so a personnummer cannot leak into an answer or a log line.

export const PROBLEM_BASE = 'https://accessdesk.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Which fields were refused and why (constraint messages, never the values). */
  errors?: { field: string; messages: string[] }[];
}

export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static of(slug: string, status: number, title: string, detail: string, errors?: Problem['errors']): ProblemException {
    return new ProblemException({ type: PROBLEM_BASE + slug, title, status, detail, ...(errors ? { errors } : {}) });
  }
}
