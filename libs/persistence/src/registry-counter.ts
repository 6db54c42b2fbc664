import { EntityManager } from 'typeorm';
import { swedishWallClock } from '@accessdesk/contracts';
import { qualifiedTable } from './schema';

/** A registry number's place in its series: the region's series of one Swedish year, and the serial in it. */
export interface RegistrySerial {
  year: number;
  serial: number;
}

/**
 * R6 registration: the next serial of a registry number (diarienummer), which runs per region and
 * year, from the table `registry_counters (region, year, last)` in the schema of the service that
 * `manager` belongs to (each service keeps its own series). The year is the Swedish one: a case filed
 * at 00:30 on New Year's Day belongs to the new year's series. The upsert locks the counter row until
 * commit, so concurrent cases never share a serial; take it late in the transaction, and do little
 * after it. The shape of the number is each service's own rule (its `rules/r6-registry-number.ts`).
 */
export async function nextRegistrySerial(manager: EntityManager, region: string, at: Date): Promise<RegistrySerial> {
  const year = swedishWallClock(at).year;
  const [{ last }] = await manager.query(
    `INSERT INTO ${qualifiedTable(manager, 'registry_counters')} AS counter (region, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (region, year) DO UPDATE SET last = counter.last + 1
     RETURNING last`,
    [region, year],
  );
  return { year, serial: last };
}

