// R4 Checks on receipt (000 §6): the personnummer matches the name in the population register, the
// form is attested by health care staff (§6.4; 001: signed by the treating staff), a signer without
// the region's staff id (from another region, or from an approved private care provider) is verified
// by phone (§6.9), and one from a private provider not on the region's list is refused (§6.10)
// (kontroller vid mottagande). The decision maker's authority (R1) is judged here too.
//
// DOMAIN.md's R4 says "signed by the decision maker"; the routines ask only for health care staff, so
// a unit head's decision signed by the treating clinician passes: the routine wins.
import { CaseType, Channel, CheckFinding, CheckVerdict, ResidentFacts, identityNumberKind } from '@accessdesk/contracts';
import { decisionAuthorityFindings } from './r1-decision-authority';

/** What the population register says about the resident; null when it has no such person. */
export interface RegisteredResident {
  givenName: string;
  surname: string;
  protectedIdentity: boolean;
  deceased: boolean;
}

/** What the staff directory (HSA) says about a member of staff; null when it has no such person. */
export interface DirectoryPerson {
  careProvider: string;
  /** The region whose staff id the person has, or where their private provider works. */
  region: string;
  /** Whether the person has a staff id of `region` (VGR-ID in seed 000). */
  regionalStaffId: boolean;
  /** HSA roles as in the tokens: `clinician`, `unit_head`, `medical_lead`, `service_desk`… */
  roles: readonly string[];
  /** R12: the work phone number the directory lists (the number the desk calls back); null when none. */
  workPhone?: string | null;
}

export interface ReceiptFacts {
  personnummer: string;
  /** The resident's name as written in the request. */
  requestedName: string;
  caseType: CaseType;
  channel: Channel;
  signedBy: string | null;
  decidedBy: string;
  resident: RegisteredResident | null;
  /** The decision maker as the staff directory knows them (R1). */
  decider: DirectoryPerson | null;
  /** The signer as the staff directory knows them (the decider's entry when they signed themselves). */
  signer: DirectoryPerson | null;
  /** The region the case was filed in. */
  caseRegion: string;
  /** R24: the region's approved private care providers (`approvedPrivateProviders` of the regions file). */
  approvedPrivateProviders: readonly string[];
  /**
   * R12: what is checked is the form that followed an emergency lock, sent by staff (the full checks,
   * as a filed form: R1 and the signature) or by the resident who asked for the lock (the resident's
   * own part only: personnummer, name, alive). Absent or null: the case as filed.
   */
  paperworkSender?: 'STAFF' | 'RESIDENT' | null;
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

/** True when the signature is judged against the staff directory: a signed form, not an emergency lock. */
function signatureToJudge(facts: Pick<ReceiptFacts, 'channel' | 'signedBy' | 'paperworkSender'>): boolean {
  // R12: an emergency lock is phoned in; the signed form follows afterwards, and is judged then.
  return (facts.channel !== 'EMERGENCY_PHONE' || facts.paperworkSender === 'STAFF') && !!facts.signedBy;
}

/** Health care staff (hälso- och sjukvårdspersonal), who may attest a form (000 §6.4). */
const CARE_STAFF_ROLES: ReadonlySet<string> = new Set(['clinician', 'unit_head', 'medical_lead']);

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
  // R12: the call itself carries no signature; staff's follow-up form is judged as any filed form.
  if (facts.channel === 'EMERGENCY_PHONE' && facts.paperworkSender !== 'STAFF') return [];
  if (!facts.signedBy) return ['UNSIGNED'];
  const signer = facts.signer;
  if (signer === null) return ['SIGNER_UNKNOWN'];
  if (!signer.roles.some((r) => CARE_STAFF_ROLES.has(r))) return ['SIGNER_NOT_CARE_STAFF'];
  if (signer.region === facts.caseRegion && signer.regionalStaffId) return [];
  // 000 §6.9: signed for another care provider than the region's, without the region's staff id:
  // phone the signer. Staff of another region are phoned; in the region, a private provider must
  // also be on the region's list (§6.10), or it may not sign at all.
  if (signer.region !== facts.caseRegion) return ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'];
  return facts.approvedPrivateProviders.includes(signer.careProvider) ? ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'] : ['PRIVATE_PROVIDER_NOT_APPROVED'];
}

/** The case ends: the signer's care provider is not one the region lets sign. */
const REFUSED: ReadonlySet<CheckFinding> = new Set<CheckFinding>(['PRIVATE_PROVIDER_NOT_APPROVED']);
const RETURN_FOR_COMPLETION: ReadonlySet<CheckFinding> = new Set<CheckFinding>([
  'RESIDENT_NOT_FOUND',
  'RESIDENT_DECEASED',
  'NAME_MISMATCH',
  'UNSIGNED',
  'SIGNER_NOT_CARE_STAFF',
  'DECIDER_WITHOUT_AUTHORITY',
]);
const MANUAL_VERIFICATION: ReadonlySet<CheckFinding> = new Set<CheckFinding>(['SIGNER_UNKNOWN', 'SIGNER_WITHOUT_REGIONAL_STAFF_ID']);

/**
 * A refusal wins over everything (completing the form would not make the signer allowed), a return
 * for completion over a manual verification (no use phoning about a form that must come back
 * anyway); every finding is listed either way.
 */
export function verdictOf(findings: readonly CheckFinding[]): CheckVerdict {
  if (findings.some((f) => REFUSED.has(f))) return 'REFUSED';
  if (findings.some((f) => RETURN_FOR_COMPLETION.has(f))) return 'RETURN_FOR_COMPLETION';
  if (findings.some((f) => MANUAL_VERIFICATION.has(f))) return 'MANUAL_VERIFICATION';
  return 'PASSED';
}

export function checkOnReceipt(facts: ReceiptFacts): CheckResult {
  const { findings, resident } = residentFindings(facts);
  // R12: the resident's own follow-up form (a lock at the resident's own request, 000 §2) is not
  // signed by staff nor carries a staff decision: what applies to it is the resident's identity.
  if (facts.paperworkSender === 'RESIDENT') return { verdict: verdictOf(findings), findings, resident, signerCareProvider: null };
  // R1 applies to every channel: an emergency lock is decided by someone too, only the form comes later.
  findings.push(...decisionAuthorityFindings(facts.caseType, facts.decider));
  findings.push(...signatureFindings(facts));
  const signerCareProvider = signatureToJudge(facts) ? (facts.signer?.careProvider ?? null) : null;
  return { verdict: verdictOf(findings), findings, resident, signerCareProvider };
}
