import { ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from '../problems/problem.exception';

/**
 * A path id that is not a UUID names nothing the caller may see: 404 like an unknown id, never a
 * 400 that would tell the two apart (README "Security": ids reveal nothing).
 */
export function notFoundIdPipe(slug: string, title: string, detail: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => ProblemException.of(slug, 404, title, detail) });
}
