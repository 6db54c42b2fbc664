import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { FIXTURES, Fixtures, StaffFixture } from '../fixtures/fixtures';

/** Fault injection for the staff directory, as the staff tool has: a slow or an absent HSA. */
export interface StaffDirectoryKnobs {
  /** Every person look-up waits this long before answering. */
  latencyMs: number;
  /** Every person look-up answers 503, as a directory that is down. */
  unavailable: boolean;
}

const NO_KNOBS: StaffDirectoryKnobs = { latencyMs: 0, unavailable: false };

export class StaffDirectoryUnavailableError extends Error {
  override readonly name = 'StaffDirectoryUnavailableError';
}

/**
 * HSA: who a member of staff is, their work phone number (the number the service desk calls back
 * for an emergency lock, R12), and which private care providers a region has approved (R4).
 */
@Injectable()
export class StaffDirectoryService implements OnModuleDestroy {
  private readonly staff: Map<string, StaffFixture>;
  private knobs: StaffDirectoryKnobs = { ...NO_KNOBS };
  // Cut short any latency still running when the app closes, so close() never waits for it.
  private readonly closing = new AbortController();

  constructor(@Inject(FIXTURES) private readonly fixtures: Fixtures) {
    this.staff = new Map(fixtures.staff.map((member) => [member.hsaId, member]));
  }

  onModuleDestroy(): void {
    this.closing.abort();
  }

  /** The person, or undefined; throws StaffDirectoryUnavailableError while the knob says the directory is down. */
  async person(hsaId: string): Promise<StaffFixture | undefined> {
    if (this.knobs.latencyMs > 0 && !this.closing.signal.aborted) {
      await sleep(this.knobs.latencyMs, undefined, { signal: this.closing.signal }).catch(() => undefined);
    }
    if (this.knobs.unavailable) throw new StaffDirectoryUnavailableError('Injected failure');
    const member = this.staff.get(hsaId);
    return member && { ...member, roles: [...member.roles], workPhone: member.workPhone ?? null };
  }

  privateProviders(region: string): string[] {
    return this.fixtures.privateProviders.filter((provider) => provider.region === region).map((provider) => provider.careProvider);
  }

  getKnobs(): StaffDirectoryKnobs {
    return { ...this.knobs };
  }

  setKnobs(change: Partial<StaffDirectoryKnobs>): StaffDirectoryKnobs {
    this.knobs = { latencyMs: change.latencyMs ?? this.knobs.latencyMs, unavailable: change.unavailable ?? this.knobs.unavailable };
    return this.getKnobs();
  }

  reset(): void {
    this.knobs = { ...NO_KNOBS };
  }
}
