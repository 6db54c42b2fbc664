import { CASE_ENDINGS, INTAKE_CASE_TYPES } from '@accessdesk/contracts';
import { PROTECTED_LINE, RegionFacts } from '../mail/email-text';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';
import { EndedFacts, caseEndedEmail } from './case-ended-email';

const REGION: RegionFacts = {
  name: 'Västra Götalandsregionen',
  serviceDesk: { name: 'KSD Spärr- och loggservice', email: 'sparr-och-logg@vgr.example', phone: '010-000 00 01' },
  contactCentre: { name: 'Kontaktcenter Västra Götaland', email: 'kontaktcenter@vgr.example' },
  feedbackCopyTo: ['registrator@vgr.example'],
};

function facts(overrides: Partial<EndedFacts> = {}): EndedFacts {
  return {
    registryNumber: 'VGR-2026-000031',
    caseType: 'LOGIN_LOCK',
    ending: 'CLOSED_UNEXECUTED',
    endedAt: '2026-11-20T09:05:00.000Z',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: 'chef@aby.example.se' },
    reasons: ['Personalverktyget svarade inte under dagen.'],
    ...overrides,
  };
}

const firstLine = (text: string) => text.split('\n')[0];

describe('R8 e-mail for a case that ended without reaching 1177 (intake.case.ended.v1)', () => {
  describe('CLOSED_UNEXECUTED: the staff tool failed and the desk closed the case', () => {
    it('R8 says in the subject and the first line that the login is NOT locked', () => {
      const { subject, text } = caseEndedEmail(facts(), REGION);
      expect(subject).toBe('Ej verkställt – inloggningen är INTE låst: låsning av inloggning på 1177 – VGR-2026-000031');
      expect(firstLine(text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
    });

    it('R8 says what happened, that the resident can log in as before, and what to do next', () => {
      const { text } = caseEndedEmail(facts(), REGION);
      expect(text).toContain('\nHej Vårdcentralen Åby,\n');
      expect(text).toContain('Er begäran om låsning av inloggning på 1177, ärende VGR-2026-000031, kunde inte verkställas i personalverktyget.');
      expect(text).toContain('KSD Spärr- och loggservice avslutade ärendet 2026-11-20 kl. 10:05 utan att åtgärden blev gjord. Ingenting har ändrats på 1177.');
      expect(text).toContain('Invånaren kan logga in på 1177 e-tjänster som tidigare.');
      expect(text).toContain('Servicedeskens kommentar:\n• Personalverktyget svarade inte under dagen.\n');
      expect(text).toContain('Så går ni vidare:\n• Behövs låsning av inloggning fortfarande: gör en ny begäran och ange diarienummer VGR-2026-000031');
      expect(text).toContain('kontakta KSD Spärr- och loggservice, sparr-och-logg@vgr.example, telefon 010-000 00 01.');
    });

    it.each([
      ['LOGIN_UNLOCK', 'inloggningen har INTE låsts upp', 'Invånarens inloggning till 1177 har INTE låsts upp.', 'Låsningen av invånarens inloggning gäller som tidigare.'],
      ['JOURNAL_SEAL', 'journalen är INTE förseglad', 'Invånarens journal på 1177 är INTE förseglad.', 'Journalen på 1177 är åtkomlig för invånaren som tidigare.'],
      ['JOURNAL_UNSEAL', 'förseglingen har INTE hävts', 'Förseglingen av invånarens journal på 1177 har INTE hävts.', 'Förseglingen av journalen gäller som tidigare.'],
    ] as const)('R8 words %s plainly: %j', (caseType, inSubject, first, asBefore) => {
      const { subject, text } = caseEndedEmail(facts({ caseType }), REGION);
      expect(subject).toContain(inSubject);
      expect(firstLine(text)).toBe(first);
      expect(text).toContain(asBefore);
    });

    it('leaves out the comment heading when the desk wrote none', () => {
      expect(caseEndedEmail(facts({ reasons: [] }), REGION).text).not.toContain('Servicedeskens kommentar:');
    });
  });

  describe('VOIDED: the desk voided a wrongly registered case', () => {
    it('R8 says it was voided, that nothing changed on 1177, the reason and what to do next', () => {
      const { subject, text } = caseEndedEmail(facts({ ending: 'VOIDED', reasons: ['Registrerat två gånger'] }), REGION);
      expect(subject).toBe('Makulerat ärende – inloggningen är INTE låst: låsning av inloggning på 1177 – VGR-2026-000031');
      expect(firstLine(text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
      expect(text).toContain('ärende VGR-2026-000031, har makulerats av KSD Spärr- och loggservice 2026-11-20 kl. 10:05.');
      expect(text).toContain('Ärendet kom aldrig till personalverktyget, så ingenting har ändrats på 1177.');
      expect(text).toContain('Skäl till makuleringen:\n• Registrerat två gånger\n');
      expect(text).toContain('gör en ny begäran och ange diarienummer VGR-2026-000031');
    });
  });

  it('R8 goes to the requesting unit\'s head only', () => {
    for (const ending of CASE_ENDINGS) expect(caseEndedEmail(facts({ ending }), REGION).to).toEqual(['chef@aby.example.se']);
  });

  it('R24 is signed by the region\'s own service desk, and reads well without a configured phone', () => {
    const { text } = caseEndedEmail(facts(), { ...REGION, serviceDesk: { name: 'VIS-support', email: 'vis@kronoberg.example' }, name: 'Region Kronoberg' });
    expect(text).toContain('Med vänlig hälsning\nVIS-support\nRegion Kronoberg\n');
    expect(text).toContain('kontakta VIS-support, vis@kronoberg.example.');
  });

  it('protected identity: shows no unit name and no free text, only the registry number, type, outcome, what to do next, and why', () => {
    for (const ending of CASE_ENDINGS) {
      const { subject, text } = caseEndedEmail(facts({ ending, protectedIdentity: true }), REGION);
      const mail = `${subject}\n${text}`;
      expect(mail).not.toContain('Vårdcentralen Åby');
      expect(mail).not.toContain('Personalverktyget svarade inte');
      expect(text).toContain(PROTECTED_LINE);
      expect(text).toContain('\nHej,\n');
      expect(firstLine(text)).toBe('Invånarens inloggning till 1177 är INTE låst.');
      expect(mail).toContain('VGR-2026-000031');
      expect(text).toContain('Så går ni vidare:');
    }
  });

  it('never carries anything that looks like a personal identity number', () => {
    for (const caseType of INTAKE_CASE_TYPES) {
      for (const ending of CASE_ENDINGS) {
        const { subject, text } = caseEndedEmail(facts({ caseType, ending }), REGION);
        expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
        expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
      }
    }
  });
});
