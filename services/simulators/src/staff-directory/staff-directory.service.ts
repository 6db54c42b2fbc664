import { Inject, Injectable } from '@nestjs/common';
import { FIXTURES, Fixtures, StaffFixture } from '../fixtures/fixtures';

/** HSA: who a member of staff is, and which private care providers a region has approved (R4). */
@Injectable()
export class StaffDirectoryService {
  private readonly staff: Map<string, StaffFixture>;

  constructor(@Inject(FIXTURES) private readonly fixtures: Fixtures) {
    this.staff = new Map(fixtures.staff.map((member) => [member.hsaId, member]));
  }

  person(hsaId: string): StaffFixture | undefined {
    const member = this.staff.get(hsaId);
    return member && { ...member, roles: [...member.roles] };
  }

  privateProviders(region: string): string[] {
    return this.fixtures.privateProviders.filter((provider) => provider.region === region).map((provider) => provider.careProvider);
  }
}
