import { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ProblemException } from '../problems/problem.exception';

/**
 * A path id that is not a UUID names nothing the caller may see: 404 like an unknown id, never a
 * 400 that would tell the two apart (README "Security": ids reveal nothing). The check is the
 * contracts' own (`@IsUUID()`, versions 1–8): Nest's ParseUUIDPipe let through ids such as
 * `00000000-0000-0000-0000-000000000001` that the service then refused with a 400.
 */
export function notFoundIdPipe(slug: string, title: string, detail: string): PipeTransform<unknown, string> {
  return {
    transform(value: unknown): string {
      if (typeof value === 'string' && isUUID(value)) return value;
      throw ProblemException.of(slug, 404, title, detail);
    },
  };
}
