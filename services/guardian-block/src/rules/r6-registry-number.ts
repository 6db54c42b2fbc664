import { EntityManager } from 'typeorm';
import { nextRegistrySerial } from '@accessdesk/persistence';

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
  const { year, serial } = await nextRegistrySerial(manager, region, at);
  return formatRegistryNumber(region, year, serial);
}
