import { PAPERWORK_SENDERS } from '@accessdesk/contracts';
import { RegionFacts } from '../mail/email-text';
import { PaperworkFacts, paperworkReminderEmail } from './paperwork-reminder-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Västra Götalandsregionen',
  serviceDesk: { name: 'KSD Spärr- och loggservice', email: 'sparr-och-logg@vgr.example' },
  contactCentre: { name: 'Kontaktcenter Västra Götaland', email: 'kontaktcenter@vgr.example' },
  feedbackCopyTo: [],
};

function facts(overrides: Partial<PaperworkFacts> = {}): PaperworkFacts {
  return {
    registryNumber: 'VGR-2026-000044',
    sender: 'STAFF',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Akutmottagningen Borås', headEmail: 'chef@akuten.example.se' },
    pendingSince: '2026-11-20T21:40:00.000Z',
    ...overrides,
  };
}

describe('R12 paperwork reminder e-mail (blankett i efterhand)', () => {
  it('R12 names the missing form, the emergency lock and the registry number in the subject', () => {
    expect(paperworkReminderEmail(facts(), REGION).subject).toBe('Påminnelse: blankett saknas för akut låsning på 1177 – VGR-2026-000044');
  });

  it('R12 goes to the requesting unit\'s head', () => {
    for (const sender of PAPERWORK_SENDERS) expect(paperworkReminderEmail(facts({ sender }), REGION).to).toEqual(['chef@akuten.example.se']);
  });

  it('R12 asks the unit to send the signed form when staff owe it', () => {
    const { text } = paperworkReminderEmail(facts(), REGION);
    expect(text.startsWith('Hej Akutmottagningen Borås,\n')).toBe(true);
    expect(text).toContain('låstes akut efter ett samtal till KSD Spärr- och loggservice (ärende VGR-2026-000044, 2026-11-20 kl. 22:40).');
    expect(text).toContain('Blanketten som ska komma in i efterhand har ännu inte kommit.');
    expect(text).toContain('verksamheten skickar blanketten i efterhand');
    expect(text).toContain('Vi ber er att skicka den signerade blanketten till KSD Spärr- och loggservice med diarienummer VGR-2026-000044.');
    expect(text).not.toContain('invånaren skickar blanketten');
  });

  it('R12 says that the resident was to send the form, and asks the unit to follow it up, when the resident asked for the lock', () => {
    const { text } = paperworkReminderEmail(facts({ sender: 'RESIDENT' }), REGION);
    expect(text).toContain('Låsningen gjordes på invånarens egen begäran, och invånaren skickar blanketten i efterhand.');
    expect(text).toContain('Vi ber er att följa upp med invånaren att blanketten skickas in till KSD Spärr- och loggservice');
  });

  it('R24 names and signs with the region\'s own service desk', () => {
    const kronoberg = { ...REGION, name: 'Region Kronoberg', serviceDesk: { name: 'VIS-support', email: 'vis@kronoberg.example' } };
    const { text } = paperworkReminderEmail(facts(), kronoberg);
    expect(text).toContain('efter ett samtal till VIS-support');
    expect(text).toContain('Med vänlig hälsning\nVIS-support\nRegion Kronoberg\n');
    expect(text).not.toContain('KSD');
  });

  it('R12 never carries anything that looks like a personal identity number', () => {
    for (const sender of PAPERWORK_SENDERS) {
      const { subject, text } = paperworkReminderEmail(facts({ sender }), REGION);
      expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
      expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
    }
  });
});
