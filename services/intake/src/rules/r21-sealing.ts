// R21 Sealing (004): the whole journal, or named care providers and units, optionally for a period.
import { CaseRequest, Problem, problem } from '@accessdesk/contracts';

export function sealScopeProblem(request: Pick<CaseRequest, 'type' | 'sealScope'>): Problem | null {
  const scope = request.sealScope;
  if (request.type !== 'JOURNAL_SEAL') {
    if (scope) return problem('seal-scope-not-allowed', 422, 'A seal scope belongs to a seal only (R21)', 'Give sealScope with JOURNAL_SEAL only.');
    return null;
  }
  const named = (scope?.careProviders?.length ?? 0) + (scope?.careUnits?.length ?? 0);
  if (!scope || (scope.whole !== true && named === 0)) {
    return problem('seal-scope-missing', 422, 'Say what to seal (R21)', 'Give sealScope.whole: true, or name care providers or care units.');
  }
  if (scope.whole === true && named > 0) {
    return problem('seal-scope-ambiguous', 422, 'Whole journal or named parts, not both (R21)', 'Give either sealScope.whole: true or named care providers and units.');
  }
  if (scope.from && scope.to && scope.from > scope.to) {
    return problem('seal-period-invalid', 422, 'The seal period ends before it starts (R21)', 'sealScope.from must be before sealScope.to.');
  }
  return null;
}
