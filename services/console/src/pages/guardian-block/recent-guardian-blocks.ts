import type { GuardianBlockView } from '@accessdesk/contracts';
import { Session } from '../../session/session';
import { SessionStore } from '../../session/session.store';

export const RECENT_GUARDIAN_BLOCKS_KEPT = 20;

/**
 * The API has no list of guardian blocks (GET /cases leaves them out, and nothing lists them by
 * registry number), so the console keeps, in the person's own session on the server, the blocks
 * they filed or opened: the contact centre's way back to a block during the day. Only the id and
 * the registry number, never a personnummer; gone with the session.
 */
export function withRecentBlock(list: Session['data']['recentGuardianBlocks'], block: Pick<GuardianBlockView, 'id' | 'registryNumber'>, at: Date): NonNullable<Session['data']['recentGuardianBlocks']> {
  const rest = (list ?? []).filter((b) => b.id !== block.id);
  return [{ id: block.id, registryNumber: block.registryNumber, at: at.toISOString() }, ...rest].slice(0, RECENT_GUARDIAN_BLOCKS_KEPT);
}

/**
 * Adds the block to the session's list. The session is read again just before it is written, so that
 * tokens another request renewed meanwhile are kept (the list is all this changes).
 */
export async function rememberGuardianBlock(store: SessionStore, session: Session, block: Pick<GuardianBlockView, 'id' | 'registryNumber'>): Promise<void> {
  if (session.data.recentGuardianBlocks?.[0]?.id === block.id) return;
  const current = (await store.find(session.id))?.data;
  if (!current) return;
  const next = { ...current, recentGuardianBlocks: withRecentBlock(current.recentGuardianBlocks, block, new Date()) };
  await store.update(session.id, next);
  session.data.recentGuardianBlocks = next.recentGuardianBlocks;
}
