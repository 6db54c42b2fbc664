import { PROBLEM_BASE } from '@accessdesk/contracts';
import type { GatewayProblem } from '../../gateway/gateway.client';
import { FormProblems, problemsForForm } from '../../gateway/problem-messages';
import { SignedInUser } from '../../session/session';
import { LOCK_FIELDS, LockField, LockFormValues, blankLockForm, fromLocalInput, readLockForm } from '../new-lock/new-lock.form';

/**
 * The form machinery of the lock form (pages/new-lock), shared by the other forms that follow the
 * paper form of a decision: the unlock (R10, R11) and the journal seal (R21). Their fields are the
 * lock form's, by the same JSON paths of POST /api/v1/cases, plus a few of their own (`extra`).
 */
export type CareFormValues = LockFormValues & { extra: Record<string, string> };

/** A new form: the lock form's defaults (the signed-in person decides and signs for their unit) and the given extras. */
export function blankCareForm(user: SignedInUser, now: Date, idempotencyKey: string, extra: Record<string, string> = {}): CareFormValues {
  return { ...blankLockForm(user, now, idempotencyKey), extra };
}

/** The posted form: the lock form's fields, and the named extra fields as text. */
export function readCareForm(body: Record<string, unknown>, extraFields: readonly string[]): CareFormValues {
  const extra: Record<string, string> = {};
  for (const name of extraFields) {
    const v = body[name];
    if (typeof v === 'string') extra[name] = v;
  }
  return { ...readLockForm(body), extra };
}

/** One value per line (or separated by commas or semicolons), trimmed, empty ones left out. */
export function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\n\r,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A date (`2026-12-01`, the start of that day in Swedish time) or a date and time as the lock form
 * takes them, as ISO 8601; empty as null. Anything else goes as written and the gateway names the field.
 */
export function fromLocalDateOrTime(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return fromLocalInput(`${text} 00:00`);
  return fromLocalInput(text);
}

/**
 * The gateway's problem in Swedish beside the field, as the lock form does; `messages` gives the
 * fields of a form's own kind of value a better sentence than the generic one (only for the
 * `validation-failed` problem, whose messages are generic; a rule's own message is kept).
 */
export function careProblems(problem: GatewayProblem, labels: Readonly<Record<string, string>>, messages: Readonly<Record<string, string>> = {}): FormProblems {
  const problems = problemsForForm(problem, labels);
  if (problem.type === `${PROBLEM_BASE}validation-failed`) {
    for (const field of Object.keys(problems.fields)) {
      const better = messages[field];
      if (better) problems.fields[field] = better;
    }
  }
  return problems;
}

/** True when the form is shown again with problems (the page's title says so). */
export function inError(problems: FormProblems): boolean {
  return Object.keys(problems.fields).length > 0 || problems.general.length > 0;
}

export { LOCK_FIELDS };
export type { LockField };
