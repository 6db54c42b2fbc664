import { decisionAuthority, decisionAuthorityFindings, rolesThatMayDecide } from './r1-decision-authority';

describe('R1 decision authority', () => {
  it.each([['clinician'], ['unit_head'], ['medical_lead']])('R1 lets a %s decide a lock, unlock, seal or unseal', (role) => {
    for (const caseType of ['LOGIN_LOCK', 'LOGIN_UNLOCK', 'JOURNAL_SEAL', 'JOURNAL_UNSEAL'] as const) {
      expect(decisionAuthorityFindings(caseType, { roles: [role] })).toEqual([]);
    }
  });

  it.each([[['service_desk']], [['contact_centre']], [['auditor']], [[]]])('R1 finds no authority in the roles %j', (roles) => {
    expect(decisionAuthorityFindings('LOGIN_LOCK', { roles })).toEqual(['DECIDER_WITHOUT_AUTHORITY']);
  });

  it('R1 needs only one deciding role among several', () => {
    expect(decisionAuthorityFindings('LOGIN_UNLOCK', { roles: ['service_desk', 'medical_lead'] })).toEqual([]);
  });

  it('R1 lets only a unit head decide a guardian block or unblock (002)', () => {
    expect(rolesThatMayDecide('GUARDIAN_BLOCK')).toEqual(['unit_head']);
    expect(decisionAuthorityFindings('GUARDIAN_BLOCK', { roles: ['unit_head'] })).toEqual([]);
    expect(decisionAuthorityFindings('GUARDIAN_UNBLOCK', { roles: ['clinician', 'medical_lead'] })).toEqual(['DECIDER_WITHOUT_AUTHORITY']);
  });

  it('R1 leaves a decision maker the directory does not know to the signature check', () => {
    expect(decisionAuthorityFindings('LOGIN_LOCK', null)).toEqual([]);
  });

  it('R1 answers a look-up for a guardian block: only a unit head the directory knows may decide (002)', () => {
    expect(decisionAuthority('GUARDIAN_BLOCK', { roles: ['unit_head', 'clinician'] })).toEqual({ known: true, mayDecide: true, roles: ['unit_head', 'clinician'] });
    expect(decisionAuthority('GUARDIAN_BLOCK', { roles: ['clinician'] })).toEqual({ known: true, mayDecide: false, roles: ['clinician'] });
    expect(decisionAuthority('GUARDIAN_UNBLOCK', null)).toEqual({ known: false, mayDecide: false, roles: [] });
  });
});
