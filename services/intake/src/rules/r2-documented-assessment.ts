// R2 Documented assessment first (000 §3.3, 000 §2, 003): before a case reaches the service desk
// the journal note of assessment, motive and decision is referenced, the chief medical officer is
// informed, and at least one reason from the list is given. For an emergency lock (R12) the form,
// and with it this documentation, follows afterwards: it is checked when the paperwork arrives.
import { DecisionDto, Problem, problem } from '@accessdesk/contracts';

export function documentedAssessmentProblem(decision: DecisionDto): Problem | null {
  if (!decision.journalNoteRef || decision.journalNoteRef.trim() === '') {
    return problem('journal-note-missing', 422, 'Journal note reference missing (R2)', 'Give the reference of the journal note that documents the assessment, the motive and the decision (decision.journalNoteRef).');
  }
  if (!decision.chiefPhysicianInformedAt) {
    return problem('chief-physician-not-informed', 422, 'Chief medical officer not informed (R2)', 'The chief medical officer (chefläkare) must be informed before the case is sent; give when (decision.chiefPhysicianInformedAt).');
  }
  if (decision.reasons.length === 0) {
    return problem('reason-missing', 422, 'No reason given (R2)', 'Give at least one reason from the list (decision.reasons).');
  }
  if (decision.motivation.trim() === '') {
    return problem('motivation-missing', 422, 'No motivation given (R2)', 'Describe the motive of the decision (decision.motivation).');
  }
  return null;
}
