import { CHECK_FINDINGS } from '@accessdesk/contracts';
import { DirectoryPerson, ReceiptFacts, checkOnReceipt, nameMatches, verdictOf } from './r4-checks-on-receipt';

const PERSONNUMMER = '199001012385';
const SAMORDNINGSNUMMER = '199001612382';
const DR_A = 'SE2321000131-E000000000011';
const OTHER = 'SE2321000131-E000000000099';
const PRIVATE_PROVIDER = 'SE5566778899-0001';
const NOT_APPROVED_PROVIDER = 'SE5599887766-0001';
const REGION_PROVIDER = 'SE2321000131-E000000000000';

const DR_A_IN_DIRECTORY: DirectoryPerson = { careProvider: REGION_PROVIDER, region: 'VGR', regionalStaffId: true, roles: ['clinician'] };
/** Dr Pia Privat of the fixtures: approved private provider, no regional staff id. */
const DR_PRIVAT: DirectoryPerson = { careProvider: PRIVATE_PROVIDER, region: 'VGR', regionalStaffId: false, roles: ['clinician'] };
/** Dr Ivar Ickegodkänd of the fixtures: private provider the region has not approved. */
const DR_ICKEGODKAND: DirectoryPerson = { careProvider: NOT_APPROVED_PROVIDER, region: 'VGR', regionalStaffId: false, roles: ['clinician'] };
/** Karin Kvist of the fixtures: Kronoberg's clinician, with Kronoberg's staff id and not VGR's. */
const KARIN_OF_KRONOBERG: DirectoryPerson = { careProvider: 'SE2321000065-E000000000000', region: 'KRONOBERG', regionalStaffId: true, roles: ['clinician'] };

function facts(overrides: Partial<ReceiptFacts> = {}): ReceiptFacts {
  return {
    personnummer: PERSONNUMMER,
    requestedName: 'Tova Testsson',
    caseType: 'LOGIN_LOCK',
    channel: 'FORM',
    signedBy: DR_A,
    decidedBy: DR_A,
    resident: { givenName: 'Tova', surname: 'Testsson', protectedIdentity: false, deceased: false },
    decider: DR_A_IN_DIRECTORY,
    signer: DR_A_IN_DIRECTORY,
    caseRegion: 'VGR',
    approvedPrivateProviders: [PRIVATE_PROVIDER],
    ...overrides,
  };
}

describe('R4 checks on receipt', () => {
  it('passes a registered resident with a matching name, signed by the decision maker', () => {
    expect(checkOnReceipt(facts())).toEqual({
      verdict: 'PASSED',
      findings: [],
      resident: { found: true, nameMatches: true, protectedIdentity: false, deceased: false, coordinationNumber: false },
      signerCareProvider: 'SE2321000131-E000000000000',
    });
  });

  it('returns for completion when the register has no such resident', () => {
    const result = checkOnReceipt(facts({ resident: null }));
    expect(result.verdict).toBe('RETURN_FOR_COMPLETION');
    expect(result.findings).toEqual(['RESIDENT_NOT_FOUND']);
    expect(result.resident).toMatchObject({ found: false, nameMatches: false });
  });

  it('returns for completion when the resident is deceased', () => {
    const result = checkOnReceipt(facts({ resident: { givenName: 'Tova', surname: 'Testsson', protectedIdentity: false, deceased: true } }));
    expect(result).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['RESIDENT_DECEASED'], resident: { deceased: true } });
  });

  it('returns for completion when the name does not match the register', () => {
    const result = checkOnReceipt(facts({ requestedName: 'Tove Testsson' }));
    expect(result).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'], resident: { nameMatches: false } });
  });

  it('notes a samordningsnummer without changing the verdict', () => {
    const result = checkOnReceipt(facts({ personnummer: SAMORDNINGSNUMMER }));
    expect(result).toMatchObject({ verdict: 'PASSED', findings: ['COORDINATION_NUMBER'], resident: { coordinationNumber: true } });
  });

  it('passes protected identity through as a fact, not a finding', () => {
    const result = checkOnReceipt(facts({ resident: { givenName: 'Tova', surname: 'Testsson', protectedIdentity: true, deceased: false } }));
    expect(result).toMatchObject({ verdict: 'PASSED', findings: [], resident: { protectedIdentity: true } });
  });

  describe('signature', () => {
    it('R4 returns an unsigned form for completion', () => {
      expect(checkOnReceipt(facts({ signedBy: null }))).toMatchObject({
        verdict: 'RETURN_FOR_COMPLETION',
        findings: ['UNSIGNED'],
        signerCareProvider: null,
      });
    });

    it('R4 passes a form attested by other health care staff than the decision maker (000 §6.4, 001; the routine wins over DOMAIN.md)', () => {
      const unitHead: DirectoryPerson = { ...DR_A_IN_DIRECTORY, roles: ['unit_head'] };
      expect(checkOnReceipt(facts({ signedBy: OTHER, decider: unitHead, signer: DR_A_IN_DIRECTORY }))).toMatchObject({ verdict: 'PASSED', findings: [], signerCareProvider: REGION_PROVIDER });
    });

    it('R4 returns a form attested by someone who is not health care staff (000 §6.4)', () => {
      const serviceDesk: DirectoryPerson = { ...DR_A_IN_DIRECTORY, roles: ['service_desk'] };
      expect(checkOnReceipt(facts({ signedBy: OTHER, signer: serviceDesk }))).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['SIGNER_NOT_CARE_STAFF'] });
    });

    it('R4 asks for manual verification of a signer the directory does not know', () => {
      expect(checkOnReceipt(facts({ signedBy: OTHER, signer: null }))).toMatchObject({ verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_UNKNOWN'] });
    });

    it('R4 passes a signer with the region’s staff id whatever the care provider', () => {
      const fromElsewhere = { ...DR_A_IN_DIRECTORY, careProvider: NOT_APPROVED_PROVIDER };
      expect(checkOnReceipt(facts({ signer: fromElsewhere }))).toMatchObject({ verdict: 'PASSED', findings: [], signerCareProvider: NOT_APPROVED_PROVIDER });
    });

    it('R4 phones a signer of another region, who has that region’s staff id and not this one’s (000 §6.9)', () => {
      expect(checkOnReceipt(facts({ signedBy: OTHER, signer: KARIN_OF_KRONOBERG }))).toMatchObject({ verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'] });
      // In Kronoberg her signature passes.
      expect(checkOnReceipt(facts({ signedBy: OTHER, signer: KARIN_OF_KRONOBERG, caseRegion: 'KRONOBERG' }))).toMatchObject({ verdict: 'PASSED', findings: [] });
    });

    it('R4 phones a signer without regional staff id from an approved private provider (000 §6.9)', () => {
      expect(checkOnReceipt(facts({ signer: DR_PRIVAT }))).toMatchObject({
        verdict: 'MANUAL_VERIFICATION',
        findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'],
        signerCareProvider: PRIVATE_PROVIDER,
      });
    });

    it('R4 refuses a signer from a private provider not on the region\'s list (000 §6.10)', () => {
      expect(checkOnReceipt(facts({ signer: DR_ICKEGODKAND }))).toMatchObject({
        verdict: 'REFUSED',
        findings: ['PRIVATE_PROVIDER_NOT_APPROVED'],
        signerCareProvider: NOT_APPROVED_PROVIDER,
      });
    });

    it('R4 R24 judges against the list it is given: the same signer is refused where the region lists no providers', () => {
      expect(checkOnReceipt(facts({ signer: DR_PRIVAT, approvedPrivateProviders: [] }))).toMatchObject({
        verdict: 'REFUSED',
        findings: ['PRIVATE_PROVIDER_NOT_APPROVED'],
      });
    });

    it('R4 expects no signature on an emergency lock: the form follows (R12)', () => {
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', signedBy: null }))).toEqual(
        expect.objectContaining({ verdict: 'PASSED', findings: [], signerCareProvider: null }),
      );
      // Not even a signer the region would refuse: the form follows, and the service desk checks it
      // when it records the paperwork (POST /cases/{id}/paperwork needs signature and decision).
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', signer: DR_ICKEGODKAND }))).toMatchObject({ verdict: 'PASSED', findings: [] });
    });
  });

  describe('the form that follows an emergency lock (R12)', () => {
    it('R12 R4 judges staff’s follow-up form as a filed form: unsigned goes back for completion', () => {
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'STAFF', signedBy: null }))).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['UNSIGNED'] });
    });

    it('R12 R4 judges the signer of staff’s follow-up form: a private provider not on the list is refused', () => {
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'STAFF', signer: DR_ICKEGODKAND }))).toMatchObject({
        verdict: 'REFUSED',
        findings: ['PRIVATE_PROVIDER_NOT_APPROVED'],
        signerCareProvider: NOT_APPROVED_PROVIDER,
      });
    });

    it('R12 R4 checks the name on staff’s follow-up form against the register', () => {
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'STAFF', requestedName: 'Tove Testsson' }))).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'] });
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'STAFF' }))).toMatchObject({ verdict: 'PASSED', findings: [] });
    });

    it('R12 R4 checks the resident’s own follow-up form for the resident’s identity only: no staff signature nor decision', () => {
      const serviceDesk: DirectoryPerson = { ...DR_A_IN_DIRECTORY, roles: ['service_desk'] };
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'RESIDENT', signedBy: null, decider: serviceDesk, signer: null }))).toMatchObject({ verdict: 'PASSED', findings: [], signerCareProvider: null });
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'RESIDENT', signedBy: null, requestedName: 'Tove Testsson' }))).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['NAME_MISMATCH'] });
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', paperworkSender: 'RESIDENT', signedBy: null, resident: null }))).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['RESIDENT_NOT_FOUND'] });
    });
  });

  describe('decision authority (R1)', () => {
    it('R1 returns a case decided by someone without a deciding role for completion', () => {
      const serviceDesk: DirectoryPerson = { ...DR_A_IN_DIRECTORY, roles: ['service_desk'] };
      expect(checkOnReceipt(facts({ decider: serviceDesk }))).toMatchObject({ verdict: 'RETURN_FOR_COMPLETION', findings: ['DECIDER_WITHOUT_AUTHORITY'] });
    });

    it('R1 checks an emergency lock too, though not its signature', () => {
      const auditor: DirectoryPerson = { ...DR_ICKEGODKAND, roles: ['auditor'] };
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', signedBy: null, decider: auditor }))).toMatchObject({
        verdict: 'RETURN_FOR_COMPLETION',
        findings: ['DECIDER_WITHOUT_AUTHORITY'],
      });
    });

    it('R1 gives no finding for a decision maker the directory does not know', () => {
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', signedBy: null, decider: null }))).toMatchObject({ verdict: 'PASSED', findings: [] });
    });
  });

  it('R4 lists every finding and lets a return for completion win over a manual verification', () => {
    const result = checkOnReceipt(facts({ personnummer: SAMORDNINGSNUMMER, requestedName: 'Someone Else', decider: DR_PRIVAT, signer: DR_PRIVAT }));
    expect(result.verdict).toBe('RETURN_FOR_COMPLETION');
    expect(result.findings).toEqual(['NAME_MISMATCH', 'COORDINATION_NUMBER', 'SIGNER_WITHOUT_REGIONAL_STAFF_ID']);
    expect(result.findings.every((f) => (CHECK_FINDINGS as readonly string[]).includes(f))).toBe(true);
  });

  it('R4 lets a refusal win over a return for completion', () => {
    const result = checkOnReceipt(facts({ requestedName: 'Someone Else', decider: { ...DR_A_IN_DIRECTORY, roles: ['service_desk'] }, signedBy: OTHER, signer: DR_ICKEGODKAND }));
    expect(result).toMatchObject({ verdict: 'REFUSED', findings: ['NAME_MISMATCH', 'DECIDER_WITHOUT_AUTHORITY', 'PRIVATE_PROVIDER_NOT_APPROVED'] });
  });

  it('R4 orders the verdicts: refused, return for completion, manual verification, passed', () => {
    expect(verdictOf([])).toBe('PASSED');
    expect(verdictOf(['COORDINATION_NUMBER'])).toBe('PASSED');
    expect(verdictOf(['SIGNER_UNKNOWN'])).toBe('MANUAL_VERIFICATION');
    expect(verdictOf(['SIGNER_WITHOUT_REGIONAL_STAFF_ID'])).toBe('MANUAL_VERIFICATION');
    expect(verdictOf(['SIGNER_UNKNOWN', 'UNSIGNED'])).toBe('RETURN_FOR_COMPLETION');
    expect(verdictOf(['SIGNER_UNKNOWN', 'DECIDER_WITHOUT_AUTHORITY'])).toBe('RETURN_FOR_COMPLETION');
    expect(verdictOf(['NAME_MISMATCH', 'PRIVATE_PROVIDER_NOT_APPROVED', 'SIGNER_UNKNOWN'])).toBe('REFUSED');
  });
});

describe('nameMatches', () => {
  const tova = { givenName: 'Tova', surname: 'Testsson' };
  const several = { givenName: 'Anna Maria', surname: 'Ängström' };

  it.each([
    ['Tova Testsson', tova],
    ['Testsson Tova', tova],
    ['  TOVA   testsson ', tova],
    ['Testsson, Tova', tova],
    ['Anna Maria Ängström', several],
    ['Anna Ängström', several],
    ['Ängström Anna Maria', several],
    ['ÄNGSTRÖM ANNA', several],
    // A decomposed "Ä" (A + combining diaeresis) is the same name after NFC.
    ['Anna A\u0308ngstro\u0308m', several],
  ])('accepts %j', (requested, resident) => {
    expect(nameMatches(requested, resident)).toBe(true);
  });

  it.each([
    ['Tova', tova],
    ['Tova Testson', tova],
    ['Maria Ängström', several],
    ['Anna Angstrom', several],
    ['Anna Maria', several],
  ])('refuses %j', (requested, resident) => {
    expect(nameMatches(requested, resident)).toBe(false);
  });
});
