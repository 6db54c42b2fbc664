import { canReadCase } from '@accessdesk/access';
import { Actor, problem } from '@accessdesk/contracts';
import { GuardianBlockEntity } from './guardian-block.entity';

/**
 * Object-level access to guardian blocks (002, DESIGN.md): the unit head acts for their own care
 * unit, the contact centre for every unit of its region. Reading follows `canReadCase` with kind
 * GUARDIAN_BLOCK. What a caller may not see is answered as not found, never as forbidden.
 */
export function mayFileFor(actor: Actor, requestingUnitHsaId: string): boolean {
  if (actor.roles.includes('contact_centre')) return true;
  return actor.roles.includes('unit_head') && actor.unit !== undefined && actor.unit === requestingUnitHsaId;
}

export function mayActOn(actor: Actor, entity: GuardianBlockEntity): boolean {
  return actor.region === entity.region && mayFileFor(actor, entity.requestingUnitHsaId);
}

export function mayRead(actor: Actor, entity: GuardianBlockEntity): boolean {
  return canReadCase(actor, { region: entity.region, requestingUnitHsaId: entity.requestingUnitHsaId, kind: 'GUARDIAN_BLOCK' });
}

export const GUARDIAN_BLOCK_NOT_FOUND = problem('guardian-block-not-found', 404, 'Guardian block not found', 'No guardian block with this id is visible to you.');

export function roleNotAllowed(roles: string): ReturnType<typeof problem> {
  return problem('role-not-allowed', 403, 'Not allowed for your role', `This needs the role ${roles}.`);
}

export const NOT_YOUR_UNIT = problem(
  'not-your-unit',
  403,
  'Not your unit',
  'A unit head acts on guardian blocks of their own care unit; the contact centre on those of any unit of its region.',
);
