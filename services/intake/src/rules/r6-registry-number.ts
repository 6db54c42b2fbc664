import { EntityManager } from 'typeorm';
import { nextRegistrySerial } from '@accessdesk/persistence';

/**
 * R6 Registration: every case gets a registry number (diarienummer) that runs per region and year,
 * e.g. `VGR-2026-000123`. The counter row stays locked until commit, so concurrent cases never share one.
 */
export function formatRegistryNumber(region: string, year: number, serial: number): string {
  return `${region}-${year}-${String(serial).padStart(6, '0')}`;
}

export async function nextRegistryNumber(manager: EntityManager, region: string, at: Date): Promise<string> {
  const { year, serial } = await nextRegistrySerial(manager, region, at);
  return formatRegistryNumber(region, year, serial);
}
