import { IsIdentityNumber } from '../common/validators';

/**
 * What the population register says about one resident (guardian-block → identity-check, request/
 * reply): found, protected identity, deceased, and the guardians it lists (R18, R20).
 */
export class LookUpResidentV1 {
  static readonly type = 'identity-check.look-up-resident.v1';
  @IsIdentityNumber() personnummer!: string;
}

export interface ResidentLookup {
  found: boolean;
  givenName: string | null;
  surname: string | null;
  protectedIdentity: boolean;
  deceased: boolean;
  /** The guardians' personnummer as the register lists them; empty for an adult. */
  guardians: string[];
}
