// R4 Checks on receipt (000 §6): the personnummer matches the name in the population register, the
// form is signed by the decision maker, and a signer without a regional staff id is either from an
// approved private care provider or verified by phone (kontroller vid mottagande).
import { Channel, CheckFinding, CheckVerdict, ResidentFacts, identityNumberKind } from '@accessdesk/contracts';

/** What the population register says about the resident; null when it has no such person. */
export interface RegisteredResident {
  givenName: string;
  surname: string;
  protectedIdentity: boolean;
  deceased: boolean;
}

/** What the staff directory (HSA) says about the signer; null when it has no such person. */
export interface DirectoryPerson {
  careProvider: string;
  regionalStaffId: boolean;
}

export interface ReceiptFacts {
  personnummer: string;
  /** The resident's name as written in the request. */
  requestedName: string;
  channel: Channel;
  signedBy: string | null;
  decidedBy: string;
  resident: RegisteredResident | null;
  /** Undefined when the signer was not looked up (no signature to check). */
  signer?: DirectoryPerson | null;
  /** The region's approved private care providers; needed only for a signer without regional staff id. */
  approvedPrivateProviders?: readonly string[];
}

export interface CheckResult {
  verdict: CheckVerdict;
  findings: CheckFinding[];
  resident: ResidentFacts;
  signerCareProvider: string | null;
}

/** Case-insensitive, Unicode NFC, one space between words; a comma ("Surname, Given") counts as a space. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/,/g, ' ').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
}

/**
 * The requested name matches the register when it is "Given Surname" or "Surname Given", where
 * Given is either all the registered given names or only the first of them.
 */
export function nameMatches(requested: string, resident: Pick<RegisteredResident, 'givenName' | 'surname'>): boolean {
  const wanted = normaliseName(requested);
  const given = normaliseName(resident.givenName);
  const surname = normaliseName(resident.surname);
  const firstGiven = given.split(' ')[0];
  const accepted = new Set([`${given} ${surname}`, `${surname} ${given}`, `${firstGiven} ${surname}`, `${surname} ${firstGiven}`]);
  return accepted.has(wanted);
}

/** The HSA-id to look up in the staff directory, or null when no signature check applies. */
export function signerToLookUp(facts: Pick<ReceiptFacts, 'channel' | 'signedBy' | 'decidedBy'>): string | null {
  // R12: an emergency lock is phoned in; the signed form follows afterwards.
  if (facts.channel === 'EMERGENCY_PHONE') return null;
  if (!facts.signedBy || facts.signedBy !== facts.decidedBy) return null;
  return facts.signedBy;
}

/** True when the approved private providers must be read to judge the signer. */
export function needsPrivateProviders(signer: DirectoryPerson | null | undefined): boolean {
  return !!signer && !signer.regionalStaffId;
}

function residentFindings(facts: ReceiptFacts): { findings: CheckFinding[]; resident: ResidentFacts } {
  const coordinationNumber = identityNumberKind(facts.personnummer) === 'SAMORDNINGSNUMMER';
  const findings: CheckFinding[] = [];
  const registered = facts.resident;
  if (!registered) {
    findings.push('RESIDENT_NOT_FOUND');
  } else {
    if (registered.deceased) findings.push('RESIDENT_DECEASED');
    if (!nameMatches(facts.requestedName, registered)) findings.push('NAME_MISMATCH');
  }
  // A samordningsnummer is noted for the service desk; it does not change the verdict.
  if (coordinationNumber) findings.push('COORDINATION_NUMBER');
  return {
    findings,
    resident: {
      found: registered !== null,
      nameMatches: registered !== null && nameMatches(facts.requestedName, registered),
      protectedIdentity: registered?.protectedIdentity ?? false,
      deceased: registered?.deceased ?? false,
      coordinationNumber,
    },
  };
}

function signatureFindings(facts: ReceiptFacts): CheckFinding[] {
  if (facts.channel === 'EMERGENCY_PHONE') return [];
  if (!facts.signedBy) return ['UNSIGNED'];
  if (facts.signedBy !== facts.decidedBy) return ['SIGNER_NOT_DECISION_MAKER'];
  if (facts.signer === undefined) throw new Error('the signer must be looked up before the signature can be judged');
  if (facts.signer === null) return ['SIGNER_UNKNOWN'];
  if (facts.signer.regionalStaffId) return [];
  // Another care provider without a regional staff id passes only from an approved private provider.
  const approved = facts.approvedPrivateProviders ?? [];
  return approved.includes(facts.signer.careProvider) ? [] : ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'];
}

const RETURN_FOR_COMPLETION: ReadonlySet<CheckFinding> = new Set<CheckFinding>([
  'RESIDENT_NOT_FOUND',
  'RESIDENT_DECEASED',
  'NAME_MISMATCH',
  'UNSIGNED',
  'SIGNER_NOT_DECISION_MAKER',
]);
const MANUAL_VERIFICATION: ReadonlySet<CheckFinding> = new Set<CheckFinding>(['SIGNER_UNKNOWN', 'SIGNER_WITHOUT_REGIONAL_STAFF_ID']);

/** A return for completion wins over a manual verification; every finding is listed either way. */
export function verdictOf(findings: readonly CheckFinding[]): CheckVerdict {
  if (findings.some((f) => RETURN_FOR_COMPLETION.has(f))) return 'RETURN_FOR_COMPLETION';
  if (findings.some((f) => MANUAL_VERIFICATION.has(f))) return 'MANUAL_VERIFICATION';
  return 'PASSED';
}

export function checkOnReceipt(facts: ReceiptFacts): CheckResult {
  const { findings, resident } = residentFindings(facts);
  findings.push(...signatureFindings(facts));
  return { verdict: verdictOf(findings), findings, resident, signerCareProvider: facts.signer?.careProvider ?? null };
}
