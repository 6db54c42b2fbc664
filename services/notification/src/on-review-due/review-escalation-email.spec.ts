import { RegionFacts } from '../mail/email-text';
import { reviewEscalationEmail } from './review-escalation-email';
import { REVIEW_OPTIONS, ReviewFacts } from './review-reminder-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Region Kronoberg',
  serviceDesk: { name: 'VIS-support', email: 'vis-support@kronoberg.example' },
  contactCentre: { name: 'Kontaktcenter Kronoberg', email: 'kontaktcenter@kronoberg.example' },
  feedbackCopyTo: [],
};

function facts(overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    registryNumber: 'KRONOBERG-2026-000009',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Teleborg', headEmail: 'chef@teleborg.example.se' },
    requesterEmail: 'lakare@teleborg.example.se',
    dueAt: '2027-02-20T09:05:00.000Z',
    ...overrides,
  };
}

describe('R9 review escalation e-mail', () => {
  it('R9 names the overdue review and the registry number in the subject', () => {
    expect(reviewEscalationEmail(facts(), REGION).subject).toBe('Försenad omprövning av låst inloggning på 1177 – KRONOBERG-2026-000009');
  });

  it('R9 escalates to the unit head, not to the requester who was reminded', () => {
    expect(reviewEscalationEmail(facts(), REGION).to).toEqual(['chef@teleborg.example.se']);
  });

  it('R9 says the review is overdue and asks the unit head to see to it, with both outcomes', () => {
    const { text } = reviewEscalationEmail(facts(), REGION);
    expect(text.startsWith('Hej Vårdcentralen Teleborg,\n')).toBe(true);
    expect(text).toContain('Omprövningen av låsningen i ärende KRONOBERG-2026-000009 skulle ha gjorts senast 2027-02-20 men är ännu inte gjord.');
    expect(text).toContain('ärendet går därför till verksamhetschefen');
    expect(text).toContain(`• ${REVIEW_OPTIONS[0]}\n• ${REVIEW_OPTIONS[1]}\n`);
    expect(text).toContain('Till dess är invånarens inloggning fortsatt låst.');
  });

  it('R11 keeps saying that an unlock is never automatic', () => {
    expect(reviewEscalationEmail(facts(), REGION).text).toContain('Låsningen hävs aldrig automatiskt.');
  });

  it('R24 is signed by the region\'s own service desk', () => {
    expect(reviewEscalationEmail(facts(), REGION).text).toContain('Med vänlig hälsning\nVIS-support\nRegion Kronoberg\n');
  });

  it('R9 never carries anything that looks like a personal identity number', () => {
    const { subject, text } = reviewEscalationEmail(facts(), REGION);
    expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
    expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
  });
});
