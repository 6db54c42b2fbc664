// R12 Emergency lock (000 §2, §6 "Vid ärende till nödtelefon"): before the staff tool is called the
// desk has verified the caller by calling back a number taken from the staff directory (HSA), never
// one the caller gave, and the named decision maker is looked up in the directory: care staff with
// deciding authority (R1). A person the directory does not know is not executed on.
import { CaseType, EmergencyCallFinding, EmergencyCallVerdict } from '@accessdesk/contracts';
import { decisionAuthorityFindings } from './r1-decision-authority';
import { DirectoryPerson } from './r4-checks-on-receipt';

export interface EmergencyCallFacts {
  caseType: CaseType;
  /** The named decision maker as the directory knows them; null when it has no such person. */
  decider: DirectoryPerson | null;
  /** Who phoned, as the directory knows them; null when it has no such person. */
  caller: DirectoryPerson | null;
  /** The number the desk called back. */
  callBackNumber: string;
}

/**
 * A Swedish phone number compared as dialled digits: spaces, dashes and brackets go, and the
 * country prefix (+46 or 0046) stands for the leading trunk 0, so "+46 31-100 11 11" is "031100 1111".
 */
export function phoneDigits(number: string): string {
  const digits = number.replace(/[\s\-()]/g, '');
  if (digits.startsWith('+46')) return `0${digits.slice(3)}`;
  if (digits.startsWith('0046')) return `0${digits.slice(4)}`;
  return digits;
}

export function samePhoneNumber(a: string, b: string): boolean {
  return phoneDigits(a) === phoneDigits(b);
}

export function emergencyCallFindings(facts: EmergencyCallFacts): EmergencyCallFinding[] {
  const findings: EmergencyCallFinding[] = [];
  // R1: unlike a filed form, whose signature check sends an unknown person to a phone call, the
  // emergency lock is executed at once, so a decision maker the directory does not know stops it.
  if (facts.decider === null) findings.push('DECIDER_UNKNOWN');
  else if (decisionAuthorityFindings(facts.caseType, facts.decider).length > 0) findings.push('DECIDER_WITHOUT_AUTHORITY');
  if (facts.caller === null) findings.push('CALLER_UNKNOWN');
  else if (!facts.caller.workPhone) findings.push('CALLER_WITHOUT_PHONE_NUMBER');
  else if (!samePhoneNumber(facts.callBackNumber, facts.caller.workPhone)) findings.push('CALL_BACK_NOT_DIRECTORY_NUMBER');
  return findings;
}

export function emergencyCallVerdict(findings: readonly EmergencyCallFinding[]): EmergencyCallVerdict {
  return findings.length === 0 ? 'PASSED' : 'NOT_VERIFIED';
}
