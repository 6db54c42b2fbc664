import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { problem } from '@accessdesk/contracts';
import { ProblemException } from './problem.exception';

/** One field of a `validation-failed` problem. */
export interface FieldError {
  /** JSON Pointer to the field (RFC 6901). */
  pointer: string;
  detail: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const pointer = `${parent}/${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((detail) => ({ pointer, detail }));
    return [...own, ...flatten(e.children ?? [], pointer)];
  });
}

/**
 * Names every object carries from `Object.prototype` (`toString`, `constructor`, `__proto__`, …), and
 * `prototype`. The hostile-body test found that class-validator's whitelist does not see them as
 * unknown fields, so a body that set one was accepted; no contract field has such a name, so a body
 * or query that carries one, at any depth, is refused like any other unknown field.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** JSON Pointers of the own keys in `value` (at any depth) that shadow a prototype name. */
export function prototypeKeys(value: unknown, parent = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const pointer = `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return [...(PROTOTYPE_NAMES.has(key) ? [pointer] : []), ...prototypeKeys((value as Record<string, unknown>)[key], pointer)];
  });
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const shadowing = prototypeKeys(value);
      if (shadowing.length > 0) {
        throw new ProblemException(
          problem('validation-failed', 400, 'The request is not valid', 'One or more fields are missing or wrong.', {
            errors: shadowing.map((pointer) => ({ pointer, detail: 'this field is not allowed' })),
          }),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every body against its class: unknown fields are refused, nothing is converted
 * implicitly, and the answer lists each field by JSON Pointer with the rule — never the value.
 */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException(
        problem('validation-failed', 400, 'The request is not valid', 'One or more fields are missing or wrong.', {
          errors: flatten(errors),
        }),
      ),
  });
}
