import { ThreatCheckDto, problem } from '@accessdesk/contracts';
import type { GuardianState } from '../guardian-blocks/guardian-block.entity';

/**
 * R19 (002) borttagande av blockering: before a guardian gets access again, the unit head checks
 * that no threat remains, both with the other units treating (or having treated) the child and with
 * social services. The gateway validates this already; checked again here, since the command is
 * what is executed.
 */
export function threatChecked(check: Partial<ThreatCheckDto> | null | undefined): boolean {
  return check?.otherUnitsConsulted === true && check.socialServicesConsulted === true && typeof check.checkedAt === 'string';
}

/**
 * The guardians an unblock lifts the block of: those named, each of whom must be blocked, or else
 * every blocked guardian. Null when a named guardian is not blocked.
 */
export function guardiansToUnblock(named: readonly string[] | undefined, guardians: readonly GuardianState[]): string[] | null {
  const blocked = guardians.filter((g) => g.blocked).map((g) => g.personnummer);
  if (!named || named.length === 0) return blocked;
  const unique = [...new Set(named)];
  return unique.every((g) => blocked.includes(g)) ? unique : null;
}

export const THREAT_CHECK_MISSING = problem(
  'threat-check-missing',
  422,
  'Threat check missing',
  'The unit head confirms that other units treating the child and social services were consulted before the block is lifted.',
);
export const GUARDIAN_NOT_BLOCKED = problem('guardian-not-blocked', 422, 'Guardian not blocked', 'At least one of the named guardians is not blocked in this case.');
