import { REQUEST_QUEUES, SYSTEM_QUEUES } from '@accessdesk/contracts';

/**
 * The operator's dead-letter pages (the faults issue's way back): what the filter, the replay and
 * the purge forms carry, read strictly; the gateway judges again.
 */
export const DLQ_PATH = '/drift/doda-meddelanden';
export const REPLAY_PATH = `${DLQ_PATH}/skicka-tillbaka`;
export const PURGE_PATH = `${DLQ_PATH}/ta-bort`;

export const FILTER_FIELDS = { queue: 'Kö', type: 'Meddelandetyp', caseId: 'Ärende-id' } as const;
export type DeadLetterFilterValues = Partial<Record<keyof typeof FILTER_FIELDS, string>>;

/** Where a queue's messages come from, in words; the queue's own name is shown beside it. */
export const QUEUE_LABELS: Record<string, string> = {
  'intake.rpc': 'Ärendemottagningen: frågor och kommandon',
  'intake.events': 'Ärendemottagningen: händelser',
  'identity-check.rpc': 'Identitetskontrollen: frågor',
  'identity-check.events': 'Identitetskontrollen: händelser',
  'execution.commands': 'Utförandet i personalverktyget: kommandon',
  'guardian-block.rpc': 'Blockering av vårdnadshavare: frågor och kommandon',
  'guardian-block.events': 'Blockering av vårdnadshavare: händelser',
  'notification.events': 'E-post: händelser',
  'review-scheduler.rpc': 'Omprövningar: frågor',
  'review-scheduler.events': 'Omprövningar: händelser',
};

export function isSystemQueue(queue: unknown): queue is string {
  return typeof queue === 'string' && (SYSTEM_QUEUES as readonly string[]).includes(queue);
}

/** Only a request/reply queue's dead letters may be thrown away: their callers are gone. */
export function isPurgeable(queue: unknown): queue is string {
  return typeof queue === 'string' && (REQUEST_QUEUES as readonly string[]).includes(queue);
}

/** The list's filter from its query string: the three fields, trimmed, empty ones left out. */
export function readFilter(query: Record<string, unknown>): DeadLetterFilterValues {
  const out: DeadLetterFilterValues = {};
  for (const field of Object.keys(FILTER_FIELDS) as Array<keyof typeof FILTER_FIELDS>) {
    const v = query[field];
    if (typeof v === 'string' && v.trim() !== '') out[field] = v.trim();
  }
  return out;
}

/** What a replay form names: one letter, or every letter of one queue; nothing else is sent. */
export function replaySelection(source: Record<string, unknown>): { messageIds: string[] } | { queue: string } | undefined {
  const id = source.messageId;
  if (typeof id === 'string' && id.length >= 1 && id.length <= 100) return { messageIds: [id] };
  if (isSystemQueue(source.queue)) return { queue: source.queue };
  return undefined;
}

/** The operator said yes to the purge, in so many words (the checkbox). */
export function purgeConfirmed(body: Record<string, unknown>): boolean {
  return body.confirm === 'ja';
}

/** Why a letter died, in Swedish, from the messaging library's reasons (kept in English beside it). */
export function reasonSummary(reason: string | null): string {
  if (reason === null) return 'Okänd orsak';
  if (reason.startsWith('invalid: ')) return 'Ogiltigt meddelande: det följer inte sitt kontrakt';
  if (reason.startsWith('unreadable: ')) return 'Oläsbart meddelande';
  const failed = /^failed (\d+) times?: /.exec(reason);
  if (failed) return `Hanteringen misslyckades ${failed[1]} gånger på samma sätt`;
  const transient = /^transient failure for (\d+) s/.exec(reason);
  if (transient) return `Tillfälligt fel som varade i ${transient[1]} sekunder`;
  if (reason === 'delivery_limit') return 'Leveransgränsen nåddes';
  if (reason === 'rejected') return 'Avvisat';
  if (reason === 'expired') return 'För gammalt';
  return 'Annan orsak';
}
