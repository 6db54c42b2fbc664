import { RegionFacts, recipients, section, signature, stockholmDate, stockholmTime, withoutIdentityNumbers } from './email-text';

const REGION: RegionFacts = {
  name: 'Region Jönköpings län',
  serviceDesk: { name: 'Kontaktcenter, Region Jönköpings län', email: 'kontaktcenter@rjl.example' },
  contactCentre: { name: 'Kontaktcenter RJL', email: 'kc@rjl.example' },
  feedbackCopyTo: [],
};

describe('e-mail text shared by every template', () => {
  it('writes Swedish local time across daylight saving time', () => {
    expect(stockholmTime('2026-07-01T09:00:00Z')).toBe('2026-07-01 kl. 11:00');
    expect(stockholmTime('2026-12-31T23:30:00Z')).toBe('2027-01-01 kl. 00:30');
    expect(stockholmDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
  });

  it('leaves out a section without lines', () => {
    expect(section('Skäl:', [])).toEqual([]);
    expect(section('Skäl:', ['a', 'b'])).toEqual(['Skäl:', '• a', '• b', '']);
  });

  it('R24 signs with the name the region gives the desk that writes', () => {
    expect(signature(REGION)).toEqual(['Med vänlig hälsning', 'Kontaktcenter, Region Jönköpings län', 'Region Jönköpings län', '', 'Det här meddelandet går inte att svara på.']);
    expect(signature(REGION, 'contactCentre')[1]).toBe('Kontaktcenter RJL');
  });

  it('lists each address once, whatever its case, and skips missing ones', () => {
    expect(recipients('a@x.example', null, 'B@x.example', 'A@X.example', undefined, ' b@x.example ')).toEqual(['a@x.example', 'B@x.example']);
  });

  it('masks anything shaped like a personnummer that reached an e-mail by way of free text, and leaves registry numbers, dates and phone numbers', () => {
    const email = withoutIdentityNumbers({
      to: ['chef@aby.example.se'],
      subject: 'Retur för komplettering – VGR-2026-000012 (19900101-2385)',
      text: 'Skäl: signeraren kunde inte nås, se 199001012385 och 900101+2385.\nÄrende VGR-2026-000012, 2026-11-20 kl. 10:05, ring 010-241 00 00.\n',
    });
    expect(email.subject).toBe('Retur för komplettering – VGR-2026-000012 ([personnummer])');
    expect(email.text).toBe('Skäl: signeraren kunde inte nås, se [personnummer] och [personnummer].\nÄrende VGR-2026-000012, 2026-11-20 kl. 10:05, ring 010-241 00 00.\n');
    expect(email.to).toEqual(['chef@aby.example.se']);
  });
});
