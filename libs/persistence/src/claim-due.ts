import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Claims the next row of durable work that is due: `status` = the given one and `nextAttemptAt`
 * passed, oldest first, locked `FOR UPDATE SKIP LOCKED` so that concurrent lanes and instances
 * never take the same row. For the `runOnce` of a `PollingWorker`, inside its transaction.
 */
export async function claimNextDue<T extends ObjectLiteral & { status: string; nextAttemptAt: Date }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  status: T['status'],
): Promise<T | null> {
  return manager
    .getRepository(entity)
    .createQueryBuilder('work')
    .where('work.status = :status', { status })
    .andWhere('work.nextAttemptAt <= :now', { now: new Date() })
    .orderBy('work.nextAttemptAt', 'ASC')
    .limit(1)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getOne();
}
