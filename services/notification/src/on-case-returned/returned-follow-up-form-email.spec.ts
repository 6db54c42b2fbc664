import { RegionFacts } from '../mail/email-text';
import { IDENTITY_NUMBER } from '../mail/no-identity-number';
import { returnedFollowUpFormEmail } from './returned-follow-up-form-email';

const REGION: RegionFacts = {
  name: 'Västra Götalandsregionen',
  serviceDesk: { name: 'KSD Spärr- och loggservice', email: 'sparr@vgr.example' },
  contactCentre: { name: 'Kontaktcenter VGR', email: 'kontaktcenter@vgr.example' },
  feedbackCopyTo: [],
};

const facts = {
  registryNumber: 'VGR-2026-000042',
  reasons: ['namnet stämmer inte med folkbokföringen'],
  requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Testköping', headEmail: 'chef@testkoping.example' },
  at: '2026-11-22T08:00:00.000Z',
};

describe('R12 R4 the form that followed an emergency lock, returned for completion', () => {
  it('R12 says the lock stays in effect and that a corrected form goes to the service desk, reminders going on', () => {
    const { to, subject, text } = returnedFollowUpFormEmail(facts, REGION);
    expect(to).toEqual(['chef@testkoping.example']);
    expect(subject).toBe('Retur för komplettering: blanketten efter nödspärren – VGR-2026-000042');
    expect(text).toContain('Låsningen av inloggningen på 1177 är verkställd och gäller som förut.');
    expect(text).toContain('• namnet stämmer inte med folkbokföringen');
    expect(text).toContain('Skicka en rättad blankett till KSD Spärr- och loggservice (sparr@vgr.example)');
    expect(text).toContain('Påminnelser fortsätter');
    // Not the return of a case before execution: nothing says "nothing has changed" nor points to the completion endpoint.
    expect(text).not.toContain('Ingenting har ändrats');
    expect(text).not.toContain('/completion');
    expect(text).not.toMatch(IDENTITY_NUMBER);
  });
});
