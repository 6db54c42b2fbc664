// R10 Only the region that requested a lock can lift it (001). R11 an unlock is never automatic: it
// is a case of its own with a new documented decision (the R1–R3 checks apply as to a lock), and it
// refers to the lock it lifts (000 §6.11: the registration references the earlier case). The same
// goes for an unseal and its seal (R21).
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Problem, problem } from '@accessdesk/contracts';
import { CaseEntity } from '../cases/case.entity';

export type LiftingType = 'LOGIN_UNLOCK' | 'JOURNAL_UNSEAL';
const LIFTS: Record<LiftingType, 'LOGIN_LOCK' | 'JOURNAL_SEAL'> = { LOGIN_UNLOCK: 'LOGIN_LOCK', JOURNAL_UNSEAL: 'JOURNAL_SEAL' };

export function liftedType(type: LiftingType): 'LOGIN_LOCK' | 'JOURNAL_SEAL' {
  return LIFTS[type];
}

export function isLifting(type: string): type is LiftingType {
  return type === 'LOGIN_UNLOCK' || type === 'JOURNAL_UNSEAL';
}

/**
 * The executed, not yet lifted lock (or seal) of a resident, in any region: the latest one. For an
 * unlock its row is locked until commit (`forUpdate`): two unlocks filed at the same moment queue
 * here, so the second one's `findLiftUnderway` sees the first (without the lock, four at once were
 * all registered).
 */
export async function findActiveRestriction(
  manager: EntityManager,
  personnummer: string,
  type: 'LOGIN_LOCK' | 'JOURNAL_SEAL',
  forUpdate = false,
): Promise<CaseEntity | null> {
  return manager.getRepository(CaseEntity).findOne({
    where: { residentPersonnummer: personnummer, type, outcome: 'EXECUTED', liftedByCaseId: IsNull() },
    order: { createdAt: 'DESC' },
    ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** An unlock (or unseal) of `liftedId` that has not ended yet: a second one would only race it. */
export async function findLiftUnderway(manager: EntityManager, liftedId: string): Promise<CaseEntity | null> {
  return manager.getRepository(CaseEntity).findOne({ where: { liftsCaseId: liftedId, status: Not(In(['CLOSED', 'VOIDED', 'REFUSED'])) } });
}

/**
 * Whether `callerRegion` may lift `active` (the resident's current lock or seal). A problem names
 * the locking region, never its case: another region's case stays invisible.
 */
export function liftProblem(type: LiftingType, active: Pick<CaseEntity, 'region'> | null, callerRegion: string, relatedCaseId: string | null | undefined, activeId: string | null): Problem | null {
  const what = type === 'LOGIN_UNLOCK' ? 'lock' : 'seal';
  if (!active) {
    return problem(`no-active-${what}`, 422, `There is no ${what} to lift`, `The resident has no executed ${what} that is still in effect.`);
  }
  if (type === 'LOGIN_UNLOCK' && active.region !== callerRegion) {
    return problem(
      'unlock-by-other-region',
      403,
      'Only the region that requested the lock can lift it (R10)',
      `The login was locked at the request of region ${active.region}; only that region can unlock it.`,
      { lockedByRegion: active.region },
    );
  }
  if (type === 'JOURNAL_UNSEAL' && active.region !== callerRegion) {
    // R21: a seal is lifted by the central support of the region that sealed, not by another region.
    return problem(
      'unseal-by-other-region',
      403,
      'Only the region that sealed the journal can lift the seal (R21)',
      `The journal was sealed at the request of region ${active.region}; only that region's central support can lift it.`,
      { sealedByRegion: active.region },
    );
  }
  if (relatedCaseId && relatedCaseId !== activeId) {
    return problem('related-case-mismatch', 422, `relatedCaseId is not the ${what} in effect`, `Leave relatedCaseId out, or give the id of the resident's ${what} that is in effect.`);
  }
  return null;
}
