import { ValidationError, ValidationPipe } from '@nestjs/common';
import { problem } from '@accessdesk/contracts';
import { ProblemException } from './problem.exception';

interface FieldError {
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
 * Validates every body against its class: unknown fields are refused, nothing is converted
 * implicitly, and the answer lists each field by JSON Pointer with the rule — never the value.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
