import { EntityManager } from 'typeorm';
import { swedishWallClock } from '@accessdesk/contracts';

/**
 * R6 Registration: every case gets a registry number (diarienummer) that runs per region and year,
 * e.g. `VGR-2026-000123`. The counter row is locked by the upsert, so concurrent cases never share one.
 */
export function formatRegistryNumber(region: string, year: number, serial: number): string {
  return `${region}-${year}-${String(serial).padStart(6, '0')}`;
}

export async function nextRegistryNumber(manager: EntityManager, region: string, at: Date): Promise<string> {
  // The Swedish year: a case filed at 00:30 on New Year's Day belongs to the new year's series.
  const year = swedishWallClock(at).year;
  const [{ last }] = await manager.query(
    `INSERT INTO intake.registry_counters (region, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (region, year) DO UPDATE SET last = registry_counters.last + 1
     RETURNING last`,
    [region, year],
  );
  return formatRegistryNumber(region, year, last);
}
