import { INTAKE_CASE_TYPES } from '@accessdesk/contracts';
import { PROTECTED_LINE, RegionFacts } from '../mail/email-text';
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

  it('R8 R16 a NOT_APPLICABLE lock says first that the login is NOT locked, and what to do next', () => {
    const { text } = feedbackEmail(facts({ outcome: 'NOT_APPLICABLE', effects: [], advice: [] }));
    expect(text.split('\n')[0]).toBe('Invånarens inloggning till 1177 är INTE låst.');
    expect(text).toContain('Så går ni vidare:\n• En låsning gäller bara befintliga användare');
    expect(text).toContain('begär försegling av journalen: en försegling gäller oavsett om invånaren har ett konto.');
    expect(text).toContain('gör en ny begäran om låsning och ange diarienummer VGR-2026-000001.');
  });

  it.each([
    ['LOGIN_UNLOCK', 'ni behöver inte göra något mer'],
    ['JOURNAL_SEAL', 'Behöver journalen ändå förseglas, kontakta VIS-support, vis-support@kronoberg.example och ange diarienummer VGR-2026-000001.'],
    ['JOURNAL_UNSEAL', 'Har ni frågor om förseglingen, kontakta VIS-support'],
  ] as const)('R8 R16 a NOT_APPLICABLE %s says what to do next', (caseType, next) => {
    const { text } = feedbackEmail(facts({ caseType, outcome: 'NOT_APPLICABLE', effects: [], advice: [] }));
    expect(text).toContain('Så går ni vidare:\n');
    expect(text).toContain(next);
  });

  it('R8 an executed case has no "what next" section beyond the review', () => {
    expect(feedbackEmail(facts()).text).not.toContain('Så går ni vidare:');
  });

  describe('R10 a login locked at another region\'s request', () => {
    const otherLock = (over: Partial<FeedbackFacts> = {}) => feedbackEmail(facts({ lockedByRegionName: 'Region Kronoberg', ...over }), { ...REGION, name: 'Västra Götalandsregionen' });

    it('R10 says in the subject and first line that the login IS locked, at that region\'s request', () => {
      const { subject, text } = otherLock();
      expect(subject).toBe('Återkoppling: inloggningen på 1177 ÄR låst – på begäran av Region Kronoberg – VGR-2026-000001');
      expect(text.split('\n')[0]).toBe('Invånarens inloggning till 1177 ÄR låst, på begäran av Region Kronoberg.');
    });

    it('R10 R9 says only that region can lift it, that this case has no review, and what to do next', () => {
      const { text } = otherLock();
      expect(text).toContain('Den här låsningen kan alltså bara hävas av Region Kronoberg, inte av Västra Götalandsregionen.');
      expect(text).toContain('Ingen omprövning efter tre månader görs i det här ärendet');
      expect(text).not.toContain(REVIEW_LINE);
      expect(text).toContain('Häver Region Kronoberg sin låsning blir inloggningen upplåst.');
      // The lock's effects hold (R17).
      expect(text).toContain('Det innebär:\n• Invånaren kan inte logga in på 1177 e-tjänster.');
    });

    it('R10 an unlock says the login is STILL locked and only that region can unlock it, without the unlock\'s effects', () => {
      const { subject, text } = otherLock({ caseType: 'LOGIN_UNLOCK', effects: ['Invånaren kan logga in igen.'], advice: [] });
      expect(subject).toContain('inloggningen på 1177 är FORTFARANDE låst – på begäran av Region Kronoberg');
      expect(text.split('\n')[0]).toBe('Invånarens inloggning till 1177 är FORTFARANDE låst, på begäran av Region Kronoberg.');
      expect(text).toContain('är det Region Kronoberg som kan göra det');
      expect(text).not.toContain('Invånaren kan logga in igen.');
    });

    it('protected identity: does not name the other region, the unit, the effects or the advice', () => {
      const { subject, text } = otherLock({ protectedIdentity: true });
      const mail = `${subject}\n${text}`;
      expect(mail).not.toContain('Kronoberg');
      expect(mail).not.toContain('Vårdcentralen Åby');
      expect(text).not.toContain('Invånaren kan inte logga in');
      expect(text.split('\n')[0]).toBe('Invånarens inloggning till 1177 ÄR låst, på begäran av en annan region.');
      expect(text).toContain(PROTECTED_LINE);
    });
  });

  it('protected identity: shows no unit name, effects or advice, but the outcome, the review and the registry number', () => {
    for (const outcome of ['EXECUTED', 'NOT_APPLICABLE'] as const) {
      const { subject, text } = feedbackEmail(facts({ outcome, protectedIdentity: true }));
      const mail = `${subject}\n${text}`;
      expect(mail).not.toContain('Vårdcentralen Åby');
      expect(text).not.toContain('Det innebär:');
      expect(text).not.toContain('Direktlänkar');
      expect(text).toContain(PROTECTED_LINE);
      expect(text).toMatch(/^(.*\n\n)?Hej,\n/);
      expect(mail).toContain('VGR-2026-000001');
    }
    expect(feedbackEmail(facts({ protectedIdentity: true })).text).toContain(`Omprövning:\n${REVIEW_LINE}`);
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
