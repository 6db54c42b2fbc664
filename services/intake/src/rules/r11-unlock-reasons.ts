// R11 An unlock is a new assessment with a documented decision (003): it cites why the restriction is
// no longer needed — the unlock reasons (UNLOCK_REASONS) — not why it was put in place. A lock or a
// seal cites the lock reasons of R2 (REASONS). The public field stays `decision.reasons`; which list
// it draws from follows the case type, and a form that mixes them up is refused before registration.
import { CaseRequest, IntakeCaseType, Problem, REASONS, UNLOCK_REASONS, problem } from '@accessdesk/contracts';

const LIFTING: ReadonlySet<IntakeCaseType> = new Set<IntakeCaseType>(['LOGIN_UNLOCK', 'JOURNAL_UNSEAL']);

export function decisionReasonsProblem(request: Pick<CaseRequest, 'type' | 'decision'>): Problem | null {
  const lifting = LIFTING.has(request.type);
  const allowed: readonly string[] = lifting ? UNLOCK_REASONS : REASONS;
  const wrong = request.decision.reasons.filter((r) => !allowed.includes(r));
  if (wrong.length === 0) return null;
  return lifting
    ? problem(
        'lock-reason-on-unlock',
        422,
        'An unlock cites unlock reasons, not lock reasons (R11)',
        `${request.type} cites why the restriction is no longer needed: use ${UNLOCK_REASONS.join(', ')} in decision.reasons, not ${wrong.join(', ')}.`,
        { allowedReasons: [...UNLOCK_REASONS] },
      )
    : problem(
        'unlock-reason-on-lock',
        422,
        'A lock cites lock reasons, not unlock reasons (R2)',
        `${request.type} cites why access must be restricted: use ${REASONS.join(', ')} in decision.reasons, not ${wrong.join(', ')}.`,
        { allowedReasons: [...REASONS] },
      );
}
