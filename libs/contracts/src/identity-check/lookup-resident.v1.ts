import { IsIdentityNumber } from '../common/validators';

/**
 * What the population register says about one resident (guardian-block → identity-check, request/
 * reply): found, protected identity, deceased, the guardians it lists (R18, R20), and the region where
 * the resident is registered (R15; intake asks it for an external party's request).
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
  /**
   * R15 (004): the region where the resident is registered (folkbokförd), as a region code of the
   * regions file (e.g. VGR); null when the register does not say or does not know the resident.
   */
  homeRegion?: string | null;
}
