// R3 Patient informed (000 §4.1): the patient is told of the decision when that is possible and
// compatible with safety and confidentiality; otherwise the form says why not.
import { PatientInformedDto, Problem, problem } from '@accessdesk/contracts';

export function patientInformedProblem(patientInformed: PatientInformedDto): Problem | null {
  if (patientInformed.informed) return null;
  if (patientInformed.reasonIfNot && patientInformed.reasonIfNot.trim() !== '') return null;
  return problem(
    'patient-informed-or-reason',
    422,
    'Patient not informed and no reason given (R3)',
    'Either inform the patient (patientInformed.informed: true) or say why that is not possible (patientInformed.reasonIfNot).',
  );
}
