// R1 Decision authority (000 §3.1): lock, unlock, seal and unseal are decided only by a licensed
// clinician with treatment responsibility, a unit head or a medical lead. The decision maker's role
// is one of those by the contract; when the caller is the decision maker, the caller's own token
// must carry that role too (the staff directory is asked as well, on receipt: identity-check).
import { Actor, CaseRequest, DecisionRole, Problem, StaffRole, problem } from '@accessdesk/contracts';

const ROLE_OF: Record<DecisionRole, StaffRole> = { CLINICIAN: 'clinician', UNIT_HEAD: 'unit_head', MEDICAL_LEAD: 'medical_lead' };

export function decisionAuthorityProblem(request: Pick<CaseRequest, 'decision'>, actor: Actor): Problem | null {
  const decidedBy = request.decision.decidedBy;
  if (decidedBy.hsaId !== actor.sub) return null;
  if (actor.roles.includes(ROLE_OF[decidedBy.role])) return null;
  return problem(
    'decision-authority',
    422,
    'The decision maker lacks the authority (R1)',
    `You are named as the decision maker with the role ${decidedBy.role}, which your account does not hold. A lock, unlock or seal is decided by a licensed clinician with treatment responsibility, a unit head or a medical lead.`,
  );
}
