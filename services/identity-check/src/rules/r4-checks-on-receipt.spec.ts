import { CHECK_FINDINGS } from '@accessdesk/contracts';
import { ReceiptFacts, checkOnReceipt, nameMatches, needsPrivateProviders, signerToLookUp, verdictOf } from './r4-checks-on-receipt';

const PERSONNUMMER = '199001012385';
const SAMORDNINGSNUMMER = '199001612382';
const DR_A = 'SE2321000131-E000000000011';
const OTHER = 'SE2321000131-E000000000099';
const PRIVATE_PROVIDER = 'SE5566778899-0001';

function facts(overrides: Partial<ReceiptFacts> = {}): ReceiptFacts {
  return {
    personnummer: PERSONNUMMER,
    requestedName: 'Tova Testsson',
    channel: 'FORM',
    signedBy: DR_A,
    decidedBy: DR_A,
    resident: { givenName: 'Tova', surname: 'Testsson', protectedIdentity: false, deceased: false },
    signer: { careProvider: 'SE2321000131-E000000000000', regionalStaffId: true },
    approvedPrivateProviders: [],
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
    it('returns an unsigned form for completion', () => {
      expect(checkOnReceipt(facts({ signedBy: null, signer: undefined }))).toMatchObject({
        verdict: 'RETURN_FOR_COMPLETION',
        findings: ['UNSIGNED'],
      });
    });

    it('returns a form signed by someone other than the decision maker for completion', () => {
      expect(checkOnReceipt(facts({ signedBy: OTHER, signer: undefined }))).toMatchObject({
        verdict: 'RETURN_FOR_COMPLETION',
        findings: ['SIGNER_NOT_DECISION_MAKER'],
      });
    });

    it('asks for manual verification of a signer the directory does not know', () => {
      expect(checkOnReceipt(facts({ signer: null }))).toMatchObject({ verdict: 'MANUAL_VERIFICATION', findings: ['SIGNER_UNKNOWN'] });
    });

    it('asks for manual verification of a signer without regional staff id outside the approved private providers', () => {
      const result = checkOnReceipt(facts({ signer: { careProvider: 'SE9999999999-0001', regionalStaffId: false } }));
      expect(result).toMatchObject({
        verdict: 'MANUAL_VERIFICATION',
        findings: ['SIGNER_WITHOUT_REGIONAL_STAFF_ID'],
        signerCareProvider: 'SE9999999999-0001',
      });
    });

    it('passes a signer without regional staff id from an approved private provider', () => {
      const result = checkOnReceipt(
        facts({ signer: { careProvider: PRIVATE_PROVIDER, regionalStaffId: false }, approvedPrivateProviders: [PRIVATE_PROVIDER] }),
      );
      expect(result).toMatchObject({ verdict: 'PASSED', findings: [] });
    });

    it('expects no signature on an emergency lock: the form follows (R12)', () => {
      expect(checkOnReceipt(facts({ channel: 'EMERGENCY_PHONE', signedBy: null, signer: undefined }))).toMatchObject({
        verdict: 'PASSED',
        findings: [],
      });
      expect(signerToLookUp({ channel: 'EMERGENCY_PHONE', signedBy: DR_A, decidedBy: DR_A })).toBeNull();
    });

    it('looks up the signer only when the decision maker signed', () => {
      expect(signerToLookUp({ channel: 'FORM', signedBy: DR_A, decidedBy: DR_A })).toBe(DR_A);
      expect(signerToLookUp({ channel: 'E_FORM', signedBy: OTHER, decidedBy: DR_A })).toBeNull();
      expect(signerToLookUp({ channel: 'FORM', signedBy: null, decidedBy: DR_A })).toBeNull();
      expect(needsPrivateProviders({ careProvider: PRIVATE_PROVIDER, regionalStaffId: false })).toBe(true);
      expect(needsPrivateProviders({ careProvider: PRIVATE_PROVIDER, regionalStaffId: true })).toBe(false);
      expect(needsPrivateProviders(null)).toBe(false);
    });
  });

  it('lists every finding and lets a return for completion win over a manual verification', () => {
    const result = checkOnReceipt(
      facts({ personnummer: SAMORDNINGSNUMMER, requestedName: 'Someone Else', signer: { careProvider: 'X', regionalStaffId: false } }),
    );
    expect(result.verdict).toBe('RETURN_FOR_COMPLETION');
    expect(result.findings).toEqual(['NAME_MISMATCH', 'COORDINATION_NUMBER', 'SIGNER_WITHOUT_REGIONAL_STAFF_ID']);
    expect(result.findings.every((f) => (CHECK_FINDINGS as readonly string[]).includes(f))).toBe(true);
  });

  it('orders the verdicts', () => {
    expect(verdictOf([])).toBe('PASSED');
    expect(verdictOf(['COORDINATION_NUMBER'])).toBe('PASSED');
    expect(verdictOf(['SIGNER_UNKNOWN'])).toBe('MANUAL_VERIFICATION');
    expect(verdictOf(['SIGNER_UNKNOWN', 'UNSIGNED'])).toBe('RETURN_FOR_COMPLETION');
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
