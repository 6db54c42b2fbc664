import { Inject, Injectable } from '@nestjs/common';
import { FIXTURES, Fixtures, ResidentFixture } from '../fixtures/fixtures';

/**
 * Folkbokföring: what the register tells about a resident. The development stand-in for Navet or
 * SPAR (see identity-check's population-register client for what a region's integration needs).
 */
export interface RegisteredResident {
  personnummer: string;
  givenName: string;
  surname: string;
  protectedIdentity: boolean;
  deceased: boolean;
  guardians: string[];
  /** R15: the region where the resident is registered; null when the fixture gives none. */
  homeRegion: string | null;
}

@Injectable()
export class PopulationRegisterService {
  private readonly residents: Map<string, ResidentFixture>;

  constructor(@Inject(FIXTURES) fixtures: Fixtures) {
    this.residents = new Map(fixtures.residents.map((resident) => [resident.personnummer, resident]));
  }

  /** undefined for an unknown resident, as the real register answers "not found". */
  lookup(personnummer: string): RegisteredResident | undefined {
    const resident = this.residents.get(personnummer);
    if (!resident) return undefined;
    const { givenName, surname, protectedIdentity, deceased, guardians, homeRegion } = resident;
    return { personnummer, givenName, surname, protectedIdentity, deceased, guardians: [...guardians], homeRegion: homeRegion ?? null };
  }
}
