import { EntityManager } from 'typeorm';
import { swedishWallClock } from '@accessdesk/contracts';

/**
 * R6 Registration, for guardian blocks (002): a registry number per region and year, with `VB`
 * (vårdnadshavarblockering) so that it is never mistaken for one of intake's lock cases, e.g.
 * `JONKOPING-2026-VB-000001`. Its own counter: the series do not share serials.
 */
export const GUARDIAN_BLOCK_SERIES = 'VB';

export function formatRegistryNumber(region: string, year: number, serial: number): string {
  return `${region}-${year}-${GUARDIAN_BLOCK_SERIES}-${String(serial).padStart(6, '0')}`;
}

/** The counter row stays locked until commit, so concurrent cases never share a number: take it late. */
export async function nextRegistryNumber(manager: EntityManager, region: string, at: Date): Promise<string> {
  // The Swedish year: a case filed at 00:30 on New Year's Day belongs to the new year's series.
  const year = swedishWallClock(at).year;
  const [{ last }] = await manager.query(
    `INSERT INTO guardian_block.registry_counters (region, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (region, year) DO UPDATE SET last = registry_counters.last + 1
     RETURNING last`,
    [region, year],
  );
  return formatRegistryNumber(region, year, last);
}
