import { RegionFacts } from '../mail/email-text';
import { REVIEW_OPTIONS, ReviewFacts, reviewReminderEmail } from './review-reminder-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Region Jämtland Härjedalen',
  serviceDesk: { name: 'Central support för e-tjänsten journalen', email: 'central-support@regionjh.example' },
  contactCentre: { name: 'Central support för e-tjänsten journalen', email: 'central-support@regionjh.example' },
  feedbackCopyTo: [],
};

function facts(overrides: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    registryNumber: 'JAMTLAND-2026-000004',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Hälsocentralen Frösön', headEmail: 'chef@froson.example.se' },
    requesterEmail: 'lakare@froson.example.se',
    dueAt: '2027-02-20T09:05:00.000Z',
    ...overrides,
  };
}

describe('R9 review reminder e-mail (omprövning)', () => {
  it('R9 names the review and the registry number in the subject', () => {
    expect(reviewReminderEmail(facts(), REGION).subject).toBe('Påminnelse: omprövning av låst inloggning på 1177 – JAMTLAND-2026-000004');
  });

  it('R9 goes to the requester when the form gave an address, otherwise to the unit head', () => {
    expect(reviewReminderEmail(facts(), REGION).to).toEqual(['lakare@froson.example.se']);
    expect(reviewReminderEmail(facts({ requesterEmail: null }), REGION).to).toEqual(['chef@froson.example.se']);
    expect(reviewReminderEmail(facts({ requesterEmail: undefined }), REGION).to).toEqual(['chef@froson.example.se']);
  });

  it('R9 asks for a re-assessment by the due date and offers keep locked or unlock', () => {
    const { text } = reviewReminderEmail(facts(), REGION);
    expect(text).toContain('påminnelse till Hälsocentralen Frösön om omprövning i ärende JAMTLAND-2026-000004');
    expect(text).toContain('Låsningen ska omprövas senast 2027-02-20 av begärande vårdpersonal');
    expect(text).toContain(`Välj ett av två utfall:\n• ${REVIEW_OPTIONS[0]}\n• ${REVIEW_OPTIONS[1]}\n`);
    expect(text).toContain('• Behåll låsningen:');
    expect(text).toContain('• Lås upp:');
    expect(text).toContain('Registrera utfallet i systemet under Omprövningar');
    expect(text).toContain('Görs ingen omprövning går en påminnelse till verksamhetschefen.');
  });

  it('R11 says that an unlock needs a new documented decision and never happens by itself', () => {
    const { text } = reviewReminderEmail(facts(), REGION);
    expect(text).toContain('upplåsning kräver en ny bedömning och ett dokumenterat beslut, med samma krav som vid en låsning');
    expect(text).toContain('Låsningen hävs aldrig automatiskt.');
  });

  it('R24 is signed by the region\'s own service desk', () => {
    expect(reviewReminderEmail(facts(), REGION).text).toContain('Med vänlig hälsning\nCentral support för e-tjänsten journalen\nRegion Jämtland Härjedalen\n');
  });

  it('R9 never carries anything that looks like a personal identity number', () => {
    const { subject, text } = reviewReminderEmail(facts(), REGION);
    expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
    expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
  });
});
