import type { FailedExecutionResolution, ManualResult, StaffToolAction, WorkItemCompletionRequest, WorkItemKind, WorkItemView } from '@accessdesk/contracts';
import { fromLocalInput } from '../new-lock/new-lock.form';

/**
 * The service desk's inbox: how items are ordered and grouped, and the form that completes one
 * (POST /api/v1/work-items/{id}/complete). Each field's name is its JSON path in the request.
 */
export const WORK_ITEM_FIELDS = {
  result: 'Vad personalverktyget visade',
  executedAt: 'När du utförde åtgärden eller tittade i verktyget',
  observed: 'Vad verktyget visade, med dina ord',
  lockedByRegion: 'Låst på begäran av region',
  resolution: 'Hur ärendet ska gå vidare',
  note: 'Anteckning',
} as const;

export type WorkItemField = keyof typeof WORK_ITEM_FIELDS;
/** `result`: what the staff tool showed; `resolution`: a failed execution retried or closed. */
export type WorkItemFormMode = 'result' | 'resolution';
export type WorkItemFormValues = Partial<Record<WorkItemField, string>> & { mode: WorkItemFormMode };

/** An emergency lock waiting and an outcome nobody knows come before everything else. */
export const URGENT_KINDS: readonly WorkItemKind[] = ['EMERGENCY_CALL', 'UNKNOWN_EXECUTION'];
/** The order of the inbox's sections: what keeps a resident unprotected first. */
export const KIND_ORDER: readonly WorkItemKind[] = ['EMERGENCY_CALL', 'UNKNOWN_EXECUTION', 'FAILED_EXECUTION', 'MANUAL_EXECUTION', 'MANUAL_VERIFICATION', 'PAPERWORK'];
/** Kinds completed on the item itself; the others on their case (verification, paperwork, completion, void). */
export const COMPLETED_ON_ITEM: readonly WorkItemKind[] = ['MANUAL_EXECUTION', 'FAILED_EXECUTION', 'UNKNOWN_EXECUTION'];

export function isUrgent(item: WorkItemView): boolean {
  return URGENT_KINDS.includes(item.kind);
}

export interface InboxGroups {
  /** Urgent and escalated items, urgent and escalated first, then oldest first. */
  first: WorkItemView[];
  /** The rest, by kind in KIND_ORDER, oldest first. */
  byKind: Array<{ kind: WorkItemKind; items: WorkItemView[] }>;
}

export function inboxGroups(items: readonly WorkItemView[]): InboxGroups {
  const weight = (i: WorkItemView) => (isUrgent(i) ? 2 : 0) + (i.escalated ? 1 : 0);
  const oldestFirst = (a: WorkItemView, b: WorkItemView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const first = items.filter((i) => weight(i) > 0).sort((a, b) => weight(b) - weight(a) || oldestFirst(a, b));
  const rest = items.filter((i) => weight(i) === 0);
  const byKind = KIND_ORDER.map((kind) => ({ kind, items: rest.filter((i) => i.kind === kind).sort(oldestFirst) })).filter((g) => g.items.length > 0);
  return { first, byKind };
}

/** The results a report may give for this action: "no account" only for a login (R16). */
export function resultsFor(action: StaffToolAction | null): ManualResult[] {
  const login = action === 'LOGIN_LOCK' || action === 'LOGIN_UNLOCK';
  return login ? ['DONE', 'ALREADY_IN_STATE', 'NO_ACCOUNT', 'FAILED'] : ['DONE', 'ALREADY_IN_STATE', 'FAILED'];
}

export function readWorkItemForm(body: Record<string, unknown>): WorkItemFormValues {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const values: WorkItemFormValues = { mode: body.mode === 'resolution' ? 'resolution' : 'result' };
  for (const field of Object.keys(WORK_ITEM_FIELDS) as WorkItemField[]) {
    const v = text(body[field]);
    if (v !== undefined) values[field] = v;
  }
  return values;
}

/** The request body. Unanswered choices are sent empty, so that the gateway names the field. */
export function workItemRequestFrom(v: WorkItemFormValues): WorkItemCompletionRequest {
  const t = (f: WorkItemField) => (v[f] ?? '').trim();
  const note = t('note') === '' ? {} : { note: t('note') };
  if (v.mode === 'resolution') return { resolution: t('resolution') as FailedExecutionResolution, ...note };
  const region = t('lockedByRegion').toUpperCase().replace(/^REGION\s+/, '').replace(/\s+/g, '_');
  return {
    result: t('result') as ManualResult,
    executedAt: fromLocalInput(v.executedAt),
    observed: t('observed'),
    ...(region === '' ? {} : { lockedByRegion: region }),
    ...note,
  };
}
