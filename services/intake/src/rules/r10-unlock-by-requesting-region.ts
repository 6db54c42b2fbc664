// R10 Only the region that requested a lock can lift it (001). The staff tool shows whose lock is in
// effect ("låst på begäran av Region X"): a lock that it showed already in place at another region's
// request is no lock of the second region and gives it no right to unlock. R11 an unlock is never automatic: it
// is a case of its own with a new documented decision (the R1–R3 checks apply as to a lock), and it
// refers to the lock it lifts (000 §6.11: the registration references the earlier case). The same
// goes for an unseal and its seal (R21).
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { ActionCompletedV1, Problem, problem } from '@accessdesk/contracts';
import { CaseEntity } from '../domain/case/case.entity';

export type LiftingType = 'LOGIN_UNLOCK' | 'JOURNAL_UNSEAL';
const LIFTS: Record<LiftingType, 'LOGIN_LOCK' | 'JOURNAL_SEAL'> = { LOGIN_UNLOCK: 'LOGIN_LOCK', JOURNAL_UNSEAL: 'JOURNAL_SEAL' };

export function liftedType(type: LiftingType): 'LOGIN_LOCK' | 'JOURNAL_SEAL' {
  return LIFTS[type];
}

export function isLifting(type: string): type is LiftingType {
  return type === 'LOGIN_UNLOCK' || type === 'JOURNAL_UNSEAL';
}

/**
 * The executed, not yet lifted lock (or seal) of a resident, in any region: the latest one. A lock
 * counts only where the staff tool showed it as its own region's (R10): a second region's lock that
 * found the login already locked is not a lock in effect. For an unlock its row is locked until
 * commit (`forUpdate`): two unlocks filed at the same moment queue here, so the second one's
 * `findLiftUnderway` sees the first (without the lock, four at once were all registered).
 */
export async function findActiveRestriction(
  manager: EntityManager,
  personnummer: string,
  type: 'LOGIN_LOCK' | 'JOURNAL_SEAL',
  forUpdate = false,
): Promise<CaseEntity | null> {
  const query = manager
    .getRepository(CaseEntity)
    .createQueryBuilder('c')
    .where('c.residentPersonnummer = :personnummer', { personnummer })
    .andWhere('c.type = :type', { type })
    .andWhere(`c.outcome = 'EXECUTED'`)
    .andWhere('c.liftedByCaseId IS NULL')
    .orderBy('c.createdAt', 'DESC')
    .limit(1);
  if (type === 'LOGIN_LOCK') query.andWhere('c.lockedByRegion = c.region');
  if (forUpdate) query.setLock('pessimistic_write');
  return query.getOne();
}

/**
 * R10: a login lock the staff tool showed as already in place at another region's request
 * ("låst på begäran av Region X"): the case is concluded, but the lock in effect is not its region's.
 */
export function isOtherRegionsLock(entity: Pick<CaseEntity, 'type' | 'region' | 'lockedByRegion' | 'loginSeenAt'>): boolean {
  return entity.type === 'LOGIN_LOCK' && entity.loginSeenAt !== null && entity.lockedByRegion !== null && entity.lockedByRegion !== entity.region;
}

/**
 * R10: what a completed login action tells about the login: the region the staff tool showed the
 * lock in effect for (null: not locked), and when. A message without the field (sent before it
 * existed) is read as the code then read it: the region's own lock when it locked, none otherwise;
 * a lock found already in place without a region stays unknown (null), which is no lock of its own.
 * Nothing for a failed action or one that is not about the login.
 */
export function loginSeenOnCompletion(
  entity: Pick<CaseEntity, 'type' | 'region'>,
  completed: Pick<ActionCompletedV1, 'outcome' | 'detail' | 'completedAt' | 'lockedByRegion'>,
): LoginSeen | null {
  if ((entity.type !== 'LOGIN_LOCK' && entity.type !== 'LOGIN_UNLOCK') || completed.outcome === 'FAILED') return null;
  const ownLockDone = entity.type === 'LOGIN_LOCK' && completed.outcome === 'EXECUTED' && completed.detail === null;
  const lockedByRegion = completed.lockedByRegion !== undefined ? completed.lockedByRegion : ownLockDone ? entity.region : null;
  return { lockedByRegion, seenAt: new Date(completed.completedAt) };
}

/** What the staff tool last showed about a resident's login, from any region's case: the region whose lock is in effect (null: not locked), and when. */
export interface LoginSeen {
  lockedByRegion: string | null;
  seenAt: Date;
}

export async function findLoginLastSeen(manager: EntityManager, personnummer: string): Promise<LoginSeen | null> {
  const latest = await manager.getRepository(CaseEntity).findOne({
    where: { residentPersonnummer: personnummer, loginSeenAt: Not(IsNull()) },
    order: { loginSeenAt: 'DESC' },
  });
  return latest?.loginSeenAt ? { lockedByRegion: latest.lockedByRegion, seenAt: latest.loginSeenAt } : null;
}

/** An unlock (or unseal) of `liftedId` that has not ended yet: a second one would only race it. */
export async function findLiftUnderway(manager: EntityManager, liftedId: string): Promise<CaseEntity | null> {
  return manager.getRepository(CaseEntity).findOne({ where: { liftsCaseId: liftedId, status: Not(In(['CLOSED', 'VOIDED', 'REFUSED'])) } });
}

/**
 * Whether `callerRegion` may lift `active` (the resident's current lock or seal). A problem names
 * the locking region, never its case: another region's case stays invisible. With no lock of any
 * region's case in effect, `lockedByRegionSeen` (the region whose lock the staff tool last showed)
 * still refuses another region: a lock taken outside this system is lifted by its own region too.
 */
export function liftProblem(
  type: LiftingType,
  active: Pick<CaseEntity, 'region'> | null,
  callerRegion: string,
  relatedCaseId: string | null | undefined,
  activeId: string | null,
  lockedByRegionSeen: string | null = null,
): Problem | null {
  const what = type === 'LOGIN_UNLOCK' ? 'lock' : 'seal';
  if (!active && type === 'LOGIN_UNLOCK' && lockedByRegionSeen && lockedByRegionSeen !== callerRegion) {
    return liftProblem(type, { region: lockedByRegionSeen }, callerRegion, relatedCaseId, activeId);
  }
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
