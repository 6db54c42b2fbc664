import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { isValidPersonnummer } from '../fixtures/personnummer';
import { ProblemException } from './problem';

/** Validates bodies and queries against their DTO; unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    // class-validator's messages name the constraint, not the value, so they are safe to return.
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return ProblemException.of(
        'invalid-request',
        400,
        'Invalid request',
        fields.map((field) => field.messages.join('; ')).join('; '),
        fields,
      );
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

/** 12 digits, a real date (day + 60 for a samordningsnummer) and a right check digit. */
export function IsPersonnummer(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPersonnummer',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a valid personnummer: 12 digits YYYYMMDDNNNC`, ...options },
      validator: { validate: (value: unknown) => isValidPersonnummer(value) },
    });
}
