import { Actor, CaseRequest, Problem } from '@accessdesk/contracts';
import { RegionConfig } from '@accessdesk/platform';
import { decisionAuthorityProblem } from '../../rules/r1-decision-authority';
import { decisionReasonsProblem } from '../../rules/r11-unlock-reasons';
import { emergencyCallProblem } from '../../rules/r12-emergency-lock';
import { initiatorProblem } from '../../rules/r13-r14-r15-initiators';
import { documentedAssessmentProblem } from '../../rules/r2-documented-assessment';
import { sealScopeProblem } from '../../rules/r21-sealing';
import { channelProblem } from '../../rules/r22-r24-channels';
import { patientInformedProblem } from '../../rules/r3-patient-informed';

/**
 * The rules of a filed form that need no look-up: R1 (decision authority), R11 (unlock reasons for an
 * unlock), R13–R15 (who may ask), R22/R24 (channel of the region), R12 (the emergency call recorded),
 * R21 (seal scope) and, except for an emergency lock whose form
 * follows (R12), R2 (documented assessment) and R3 (patient informed). The first broken rule answers.
 */
export function filedFormProblem(request: CaseRequest, actor: Actor, region: RegionConfig): Problem | null {
  const emergency = request.channel === 'EMERGENCY_PHONE';
  return (
    initiatorProblem(request) ??
    channelProblem(request, actor, region) ??
    emergencyCallProblem(request) ??
    sealScopeProblem(request) ??
    decisionAuthorityProblem(request, actor) ??
    decisionReasonsProblem(request) ??
    (emergency ? null : documentedAssessmentProblem(request.decision)) ??
    (emergency ? null : patientInformedProblem(request.patientInformed))
  );
}
