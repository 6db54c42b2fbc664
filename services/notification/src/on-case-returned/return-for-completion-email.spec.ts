import { INTAKE_CASE_TYPES } from '@accessdesk/contracts';
import { PROTECTED_LINE, RegionFacts } from '../mail/email-text';
import { COMPLETION_ENDPOINT, ReturnFacts, returnForCompletionEmail } from './return-for-completion-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Region Kronoberg',
  serviceDesk: { name: 'VIS-support', email: 'vis-support@kronoberg.example' },
  contactCentre: { name: 'Kontaktcenter Kronoberg', email: 'kontaktcenter@kronoberg.example' },
  feedbackCopyTo: ['kopia@kronoberg.example'],
};

function facts(overrides: Partial<ReturnFacts> = {}): ReturnFacts {
  return {
    registryNumber: 'KRONOBERG-2026-000012',
    caseType: 'LOGIN_LOCK',
    reasons: ['Blanketten är inte signerad av den som fattat beslutet.', 'Journalanteckning saknas.'],
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: 'chef@aby.example.se' },
    at: '2026-11-20T09:05:00.000Z',
    ...overrides,
  };
}

describe('R4 return for completion e-mail (retur för komplettering)', () => {
  it('R4 names the return, the action and the registry number in the subject', () => {
    expect(returnForCompletionEmail(facts(), REGION).subject).toBe('Retur för komplettering: låsning av inloggning på 1177 – KRONOBERG-2026-000012');
    expect(returnForCompletionEmail(facts({ caseType: 'JOURNAL_UNSEAL' }), REGION).subject).toBe(
      'Retur för komplettering: hävning av försegling på 1177 – KRONOBERG-2026-000012',
    );
  });

  it('R4 goes to the requesting unit\'s head only, not to the region\'s feedback copy addresses', () => {
    expect(returnForCompletionEmail(facts(), REGION).to).toEqual(['chef@aby.example.se']);
  });

  it('R4 lists every reason and says how to complete the case in the system', () => {
    const { text } = returnForCompletionEmail(facts(), REGION);
    expect(text).toContain('\nHej Vårdcentralen Åby,\n');
    expect(text).toContain('ärende KRONOBERG-2026-000012, har skickats i retur för komplettering 2026-11-20 kl. 10:05.');
    expect(text).toContain('Det här behöver kompletteras:\n• Blanketten är inte signerad av den som fattat beslutet.\n• Journalanteckning saknas.\n');
    expect(text).toContain('Komplettera ärendet i systemet: öppna ärende KRONOBERG-2026-000012 och välj ”Komplettera ärendet”');
    expect(text).toContain(COMPLETION_ENDPOINT);
    expect(text).toContain('skicka inte in en ny begäran');
    expect(text).toContain('Ingenting har ändrats på 1177.');
  });

  it('R4 still reads sensibly when intake sent no reason text', () => {
    expect(returnForCompletionEmail(facts({ reasons: [] }), REGION).text).toContain('Det här behöver kompletteras:\n• Se ärendets tidslinje i systemet.\n');
  });

  it('R8 says first that nothing is done yet: the login is NOT locked, the case waits', () => {
    expect(returnForCompletionEmail(facts(), REGION).text.split('\n')[0]).toBe('Invånarens inloggning till 1177 är INTE låst. Ärendet väntar på komplettering.');
  });

  it('protected identity: no unit name and no reasons (free text), a pointer to the case and how to complete it', () => {
    const { subject, text } = returnForCompletionEmail(facts({ protectedIdentity: true }), REGION);
    expect(`${subject}\n${text}`).not.toContain('Vårdcentralen Åby');
    expect(text).not.toContain('Journalanteckning saknas');
    expect(text).toContain(PROTECTED_LINE);
    expect(text).toContain('Det här behöver kompletteras:\n• Se ärendets tidslinje i systemet.\n');
    expect(text).toContain('Komplettera ärendet i systemet: öppna ärende KRONOBERG-2026-000012');
  });

  it('R24 is signed by the region\'s own service desk', () => {
    expect(returnForCompletionEmail(facts(), REGION).text).toContain('Med vänlig hälsning\nVIS-support\nRegion Kronoberg\n');
  });

  it('R4 never carries anything that looks like a personal identity number', () => {
    for (const caseType of INTAKE_CASE_TYPES) {
      const { subject, text } = returnForCompletionEmail(facts({ caseType }), REGION);
      expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
      expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
    }
  });
});
