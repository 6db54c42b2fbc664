import { INTAKE_CASE_TYPES } from '@accessdesk/contracts';
import { PROTECTED_LINE, RegionFacts } from '../mail/email-text';
import { RefusalFacts, refusalEmail } from './refusal-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Västra Götalandsregionen',
  serviceDesk: { name: 'KSD Spärr- och loggservice', email: 'sparr-och-logg@vgr.example' },
  contactCentre: { name: 'Kontaktcenter Västra Götaland', email: 'kontaktcenter@vgr.example' },
  feedbackCopyTo: [],
};

function facts(overrides: Partial<RefusalFacts> = {}): RefusalFacts {
  return {
    registryNumber: 'VGR-2026-000031',
    caseType: 'LOGIN_LOCK',
    reasons: ['Den privata vårdgivaren finns inte på regionens lista över godkända vårdgivare.'],
    requestingUnit: { hsaId: 'SE5566778899-0002', name: 'Privatkliniken Väst', headEmail: 'chef@privat.example.se' },
    at: '2026-11-20T09:05:00.000Z',
    ...overrides,
  };
}

describe('R4 refusal e-mail (avvisat ärende)', () => {
  it('R4 names the refusal, the action and the registry number in the subject', () => {
    expect(refusalEmail(facts(), REGION).subject).toBe('Avvisat ärende: låsning av inloggning på 1177 – VGR-2026-000031');
  });

  it('R4 goes to the requesting unit\'s head', () => {
    expect(refusalEmail(facts(), REGION).to).toEqual(['chef@privat.example.se']);
  });

  it('R4 says the case is refused and closed, with the reasons, and that a new request is needed', () => {
    const { text } = refusalEmail(facts(), REGION);
    expect(text).toContain('\nHej Privatkliniken Väst,\n');
    expect(text).toContain('Er begäran om låsning av inloggning på 1177, ärende VGR-2026-000031, har avvisats 2026-11-20 kl. 10:05.');
    expect(text).toContain('Ärendet är avslutat och ingenting har ändrats på 1177.');
    expect(text).toContain('Skäl till att ärendet avvisades:\n• Den privata vårdgivaren finns inte på regionens lista över godkända vårdgivare.\n');
    expect(text).toContain('ska en ny begäran göras');
    expect(text).not.toContain('Komplettera ärendet');
  });

  it('R8 says first that nothing was done: the login is NOT locked', () => {
    expect(refusalEmail(facts(), REGION).text.split('\n')[0]).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(refusalEmail(facts({ caseType: 'JOURNAL_SEAL' }), REGION).text.split('\n')[0]).toBe('Invånarens journal på 1177 är INTE förseglad.');
  });

  it('protected identity: no unit name and no reasons, a pointer to the case and what to do next', () => {
    const { subject, text } = refusalEmail(facts({ protectedIdentity: true }), REGION);
    expect(`${subject}\n${text}`).not.toContain('Privatkliniken Väst');
    expect(text).not.toContain('godkända vårdgivare');
    expect(text).toContain(PROTECTED_LINE);
    expect(text).toContain('\nHej,\n');
    expect(text).toContain('ska en ny begäran göras som uppfyller kraven (skälen står i ärendet)');
    expect(subject).toContain('VGR-2026-000031');
  });

  it('R24 is signed by the region\'s own service desk', () => {
    expect(refusalEmail(facts(), REGION).text).toContain('Med vänlig hälsning\nKSD Spärr- och loggservice\nVästra Götalandsregionen\n');
  });

  it('R4 never carries anything that looks like a personal identity number', () => {
    for (const caseType of INTAKE_CASE_TYPES) {
      const { subject, text } = refusalEmail(facts({ caseType }), REGION);
      expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
      expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
    }
  });
});
