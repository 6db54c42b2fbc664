import { PAPERWORK_SENDERS } from '@accessdesk/contracts';
import { RegionFacts } from '../mail/email-text';
import { paperworkEscalationEmail } from './paperwork-escalation-email';
import { PaperworkFacts } from './paperwork-reminder-email';
import { IDENTITY_NUMBER, TWELVE_DIGITS } from '../mail/no-identity-number';

const REGION: RegionFacts = {
  name: 'Region Jönköpings län',
  serviceDesk: { name: 'Kontaktcenter, Region Jönköpings län', email: 'kontaktcenter@rjl.example' },
  contactCentre: { name: 'Kontaktcenter, Region Jönköpings län', email: 'kontaktcenter@rjl.example' },
  feedbackCopyTo: [],
};

function facts(overrides: Partial<PaperworkFacts> = {}): PaperworkFacts {
  return {
    registryNumber: 'JONKOPING-2026-000003',
    sender: 'STAFF',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Psykiatriska kliniken Jönköping', headEmail: 'chef@psyk.example.se' },
    pendingSince: '2026-11-20T09:05:00.000Z',
    ...overrides,
  };
}

describe('R12 paperwork escalation e-mail', () => {
  it('R12 names the escalation, the missing form and the registry number in the subject', () => {
    expect(paperworkEscalationEmail(facts(), REGION).subject).toBe('Eskalering: blankett saknas för akut låsning på 1177 – JONKOPING-2026-000003');
  });

  it('R12 R24 goes to the unit head and to the region\'s service desk mailbox, each once', () => {
    expect(paperworkEscalationEmail(facts(), REGION).to).toEqual(['chef@psyk.example.se', 'kontaktcenter@rjl.example']);
    const shared = facts({ requestingUnit: { ...facts().requestingUnit, headEmail: 'Kontaktcenter@rjl.example' } });
    expect(paperworkEscalationEmail(shared, REGION).to).toEqual(['Kontaktcenter@rjl.example']);
  });

  it('R12 tells both that the form is still missing, and what each is to do', () => {
    const { text } = paperworkEscalationEmail(facts(), REGION);
    expect(text.startsWith('Hej Psykiatriska kliniken Jönköping och Kontaktcenter, Region Jönköpings län,\n')).toBe(true);
    expect(text).toContain('Blanketten som ska komma in i efterhand saknas fortfarande, trots påminnelse.');
    expect(text).toContain('eskaleras därför till verksamhetschefen och till Kontaktcenter, Region Jönköpings län');
    expect(text).toContain('Verksamheten ombeds att skicka den signerade blanketten till Kontaktcenter, Region Jönköpings län med diarienummer JONKOPING-2026-000003.');
    expect(text).toContain('Kontaktcenter, Region Jönköpings län ombeds att följa upp ärendet med verksamheten.');
    expect(text).toContain('Låsningen gäller under tiden.');
  });

  it('R12 asks the unit to follow up with the resident who was to send the form', () => {
    const { text } = paperworkEscalationEmail(facts({ sender: 'RESIDENT' }), REGION);
    expect(text).toContain('invånaren skickar blanketten i efterhand');
    expect(text).toContain('Verksamheten ombeds att följa upp med invånaren att blanketten skickas in');
  });

  it('R24 is signed by the region\'s own service desk', () => {
    expect(paperworkEscalationEmail(facts(), REGION).text).toContain('Med vänlig hälsning\nKontaktcenter, Region Jönköpings län\nRegion Jönköpings län\n');
  });

  it('R12 never carries anything that looks like a personal identity number', () => {
    for (const sender of PAPERWORK_SENDERS) {
      const { subject, text } = paperworkEscalationEmail(facts({ sender }), REGION);
      expect(`${subject}\n${text}`).not.toMatch(TWELVE_DIGITS);
      expect(`${subject}\n${text}`).not.toMatch(IDENTITY_NUMBER);
    }
  });
});
