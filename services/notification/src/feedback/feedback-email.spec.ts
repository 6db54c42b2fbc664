import { INTAKE_CASE_TYPES } from '@accessdesk/contracts';
import { RegionFacts } from '../mail/email-text';
import { FeedbackFacts, REVIEW_LINE, feedbackEmail as write, isFeedbackOutcome } from './feedback-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Region Kronoberg',
  serviceDesk: { name: 'VIS-support', email: 'vis-support@kronoberg.example' },
  contactCentre: { name: 'Kontaktcenter Kronoberg', email: 'kontaktcenter@kronoberg.example' },
  feedbackCopyTo: [],
};

function feedbackEmail(f: FeedbackFacts, region: RegionFacts = REGION) {
  return write(f, region);
}

function facts(overrides: Partial<FeedbackFacts> = {}): FeedbackFacts {
  return {
    registryNumber: 'VGR-2026-000001',
    caseType: 'LOGIN_LOCK',
    outcome: 'EXECUTED',
    concludedAt: '2026-11-20T09:05:00.000Z',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: 'chef@aby.example.se' },
    effects: ['Invånaren kan inte logga in på 1177 e-tjänster.', 'Invånarens inkorg finns kvar och tar emot svar och delsvar på ärenden som invånaren skickat in tidigare.'],
    advice: [
      'Direktlänkar till Journalen fungerar fortfarande: begär försegling av journalen om den måste vara oåtkomlig.',
      REVIEW_LINE,
    ],
    ...overrides,
  };
}

describe('R8 feedback e-mail', () => {
  it('names the action, the result and the registry number in the subject', () => {
    expect(feedbackEmail(facts()).subject).toBe('Återkoppling: låsning av inloggning på 1177 verkställd – VGR-2026-000001');
    expect(feedbackEmail(facts({ outcome: 'NOT_APPLICABLE', effects: [], advice: [] })).subject).toBe(
      'Återkoppling: låsning av inloggning på 1177 ej aktuell – invånaren saknar konto på 1177 – VGR-2026-000001',
    );
  });

  it.each([
    ['LOGIN_UNLOCK', 'upplåsning av inloggning'],
    ['JOURNAL_SEAL', 'försegling av journal'],
    ['JOURNAL_UNSEAL', 'hävning av försegling'],
  ] as const)('words %s as %j', (caseType, words) => {
    const email = feedbackEmail(facts({ caseType, advice: [] }));
    expect(email.subject).toBe(`Återkoppling: ${words} på 1177 verkställd – VGR-2026-000001`);
    expect(email.text).toContain(`Er begäran om ${words} på 1177 är verkställd`);
  });

  it('greets the unit, says what was done and when in Swedish time, and lists the effects and advice as bullets (R17)', () => {
    const { text } = feedbackEmail(facts());
    expect(text.startsWith('Hej Vårdcentralen Åby,\n')).toBe(true);
    expect(text).toContain('ärende VGR-2026-000001');
    // 09:05 UTC in November is 10:05 in Stockholm (CET).
    expect(text).toContain('Er begäran om låsning av inloggning på 1177 är verkställd 2026-11-20 kl. 10:05.');
    expect(text).toContain('Det innebär:\n• Invånaren kan inte logga in på 1177 e-tjänster.\n• Invånarens inkorg finns kvar och tar emot svar och delsvar på ärenden som invånaren skickat in tidigare.\n');
    expect(text).toContain('Att tänka på:\n• Direktlänkar till Journalen fungerar fortfarande');
  });

  it('goes to the requesting unit\'s head', () => {
    expect(feedbackEmail(facts()).to).toEqual(['chef@aby.example.se']);
  });

  it('R24 is signed by the region\'s own service desk and copied to the region\'s feedback addresses', () => {
    const region = { ...REGION, feedbackCopyTo: ['arkiv@kronoberg.example', 'CHEF@aby.example.se'] };
    const email = feedbackEmail(facts(), region);
    expect(email.text).toContain('Med vänlig hälsning\nVIS-support\nRegion Kronoberg\n');
    expect(email.text).not.toContain('Servicedesken för 1177 e-tjänster');
    // The unit head once, even when the region also lists the address.
    expect(email.to).toEqual(['chef@aby.example.se', 'arkiv@kronoberg.example']);
    const vgr = { ...REGION, name: 'Västra Götalandsregionen', serviceDesk: { name: 'KSD Spärr- och loggservice', email: 'ksd@vgr.example' } };
    expect(feedbackEmail(facts(), vgr).text).toContain('Med vänlig hälsning\nKSD Spärr- och loggservice\nVästra Götalandsregionen\n');
  });

  it('tells an executed lock that it is reviewed after three months (R9), once', () => {
    const { text } = feedbackEmail(facts());
    expect(text).toContain(`Omprövning:\n${REVIEW_LINE}`);
    expect(text.split(REVIEW_LINE)).toHaveLength(2);
    expect(feedbackEmail(facts({ advice: [] })).text).toContain(REVIEW_LINE);
  });

  it('says nothing of a review for anything but an executed lock', () => {
    expect(feedbackEmail(facts({ caseType: 'LOGIN_UNLOCK', advice: [] })).text).not.toContain('omprövas');
    expect(feedbackEmail(facts({ outcome: 'NOT_APPLICABLE', effects: [], advice: [] })).text).not.toContain('omprövas');
  });

  it('explains a NOT_APPLICABLE outcome without empty sections', () => {
    const { text } = feedbackEmail(facts({ outcome: 'NOT_APPLICABLE', effects: [], advice: [] }));
    expect(text).toContain('är ej aktuell: invånaren saknar konto på 1177, så ingenting har ändrats.');
    expect(text).toContain('Beskedet kom 2026-11-20 kl. 10:05.');
    expect(text).not.toContain('Det innebär:');
    expect(text).not.toContain('Att tänka på:');
  });

  it('never carries anything that looks like a personal identity number', () => {
    for (const caseType of INTAKE_CASE_TYPES) {
      for (const outcome of ['EXECUTED', 'NOT_APPLICABLE'] as const) {
        const { subject, text } = feedbackEmail(facts({ caseType, outcome }));
        expect(subject).not.toMatch(TWELVE_DIGITS);
        expect(text).not.toMatch(TWELVE_DIGITS);
        expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
      }
    }
  });

  it('gives feedback on executed and not-applicable outcomes only', () => {
    expect(isFeedbackOutcome('EXECUTED')).toBe(true);
    expect(isFeedbackOutcome('NOT_APPLICABLE')).toBe(true);
    expect(isFeedbackOutcome('FAILED')).toBe(false);
  });
});
