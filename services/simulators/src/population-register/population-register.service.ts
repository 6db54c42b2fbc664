import { Inject, Injectable } from '@nestjs/common';
import { FIXTURES, Fixtures, ResidentFixture } from '../fixtures/fixtures';

/** Folkbokföring: what the register tells about a resident. */
export interface RegisteredResident {
  personnummer: string;
  givenName: string;
  surname: string;
  protectedIdentity: boolean;
  deceased: boolean;
  guardians: string[];
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
    const { givenName, surname, protectedIdentity, deceased, guardians } = resident;
    return { personnummer, givenName, surname, protectedIdentity, deceased, guardians: [...guardians] };
  }
}
