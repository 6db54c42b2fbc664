import { Inject, Injectable } from '@nestjs/common';
import { IdentityCheckConfig } from '../identity-check.config';
import { RegisteredResident } from '../rules/r4-checks-on-receipt';
import { RegisterUnavailableError, isRecord, requestJson } from './register-request';

const REGISTER = 'population register';

/** A resident as the register lists them: what R4 judges, and the guardians (R18, R20) others ask for. */
export interface PopulationRecord extends RegisteredResident {
  /** The guardians' personnummer; empty for an adult. */
  guardians: string[];
}

/**
 * Folkbokföringen: personnummer → name, protected identity, deceased, guardians. The number goes in
 * the body, never in the URL.
 */
@Injectable()
export class PopulationRegisterClient {
  constructor(@Inject(IdentityCheckConfig) private readonly config: IdentityCheckConfig) {}

  /** The registered resident, or null when the register has no such person. */
  async lookup(personnummer: string): Promise<PopulationRecord | null> {
    const { status, body } = await requestJson(REGISTER, `${this.config.POPULATION_REGISTER_URL}/lookup`, {
      method: 'POST',
      body: JSON.stringify({ personnummer }),
    });
    if (status === 404) return null;
    if (
      !isRecord(body) ||
      typeof body.givenName !== 'string' ||
      typeof body.surname !== 'string' ||
      typeof body.protectedIdentity !== 'boolean' ||
      typeof body.deceased !== 'boolean' ||
      !Array.isArray(body.guardians) ||
      !body.guardians.every((g): g is string => typeof g === 'string')
    ) {
      throw new RegisterUnavailableError(`${REGISTER} answered with an unexpected shape`);
    }
    return {
      givenName: body.givenName,
      surname: body.surname,
      protectedIdentity: body.protectedIdentity,
      deceased: body.deceased,
      guardians: body.guardians,
    };
  }
}
