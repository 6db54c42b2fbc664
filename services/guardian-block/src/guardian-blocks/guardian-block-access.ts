import { canReadCase } from '@accessdesk/access';
import { Actor, problem } from '@accessdesk/contracts';
import { GuardianBlockEntity } from './guardian-block.entity';

/**
 * Who may file a guardian block for a care unit (002, DESIGN.md): the unit head for their own care
 * unit, the contact centre for every unit of its region.
 */
export function mayFileFor(actor: Actor, requestingUnitHsaId: string): boolean {
  if (actor.roles.includes('contact_centre')) return true;
  return actor.roles.includes('unit_head') && actor.unit !== undefined && actor.unit === requestingUnitHsaId;
}

/** Who may act on a block (unblock it): of the block's region, and as for filing for its unit. */
export function mayActOn(actor: Actor, entity: GuardianBlockEntity): boolean {
  return actor.region === entity.region && mayFileFor(actor, entity.requestingUnitHsaId);
}

/**
 * Who may read a block: `canReadCase` with kind GUARDIAN_BLOCK. What a caller may not see is
 * answered as not found (GUARDIAN_BLOCK_NOT_FOUND), never as forbidden.
 */
export function mayRead(actor: Actor, entity: GuardianBlockEntity): boolean {
  return canReadCase(actor, { region: entity.region, requestingUnitHsaId: entity.requestingUnitHsaId, kind: 'GUARDIAN_BLOCK' });
}

export const GUARDIAN_BLOCK_NOT_FOUND = problem('guardian-block-not-found', 404, 'Guardian block not found', 'No guardian block with this id is visible to you.');

export const NOT_YOUR_UNIT = problem(
  'not-your-unit',
  403,
  'Not your unit',
  'A unit head acts on guardian blocks of their own care unit; the contact centre on those of any unit of its region.',
);
