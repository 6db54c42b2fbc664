import { ValidationOptions, registerDecorator } from 'class-validator';
import { isValidIdentityNumber } from './personnummer';

/** A canonical 12-digit personnummer or samordningsnummer with a valid check digit. */
export function IsIdentityNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIdentityNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        // The value itself is never echoed: it is a personal identity number.
        message: `${String(propertyName)} must be a personnummer or samordningsnummer of 12 digits (YYYYMMDDNNNC) with a valid check digit`,
        ...options,
      },
      validator: { validate: (value: unknown) => isValidIdentityNumber(value) },
    });
}

/** An HSA-id: the national directory's identifier for people, units and care providers. */
export const HSA_ID = /^[A-Z]{2}[0-9A-Z]{6,12}-[0-9A-Za-z]{1,30}$/;
