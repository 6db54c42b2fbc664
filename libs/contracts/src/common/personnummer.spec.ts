import { ageOn, identityNumberKind, luhnCheckDigit, normalizePersonnummer } from './personnummer';

describe('personnummer', () => {
  it('computes the Luhn check digit over YYMMDDNNN', () => {
    // 811218-9876 is the Swedish Tax Agency's worked example.
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  it('accepts a valid personnummer and tells a samordningsnummer apart', () => {
    expect(identityNumberKind('198112189876')).toBe('PERSONNUMMER');
    const samordning = `19810278987${luhnCheckDigit('810278987')}`;
    expect(identityNumberKind(samordning)).toBe('SAMORDNINGSNUMMER');
  });

  it.each([
    ['wrong check digit', '198112189877'],
    ['month 13', '198113189876'],
    ['30 February', '198102309876'],
    ['too short', '8112189876'],
    ['letters', '19811218987X'],
    ['born in the future', `20991218987${luhnCheckDigit('991218987')}`],
  ])('rejects %s', (_label, value) => {
    expect(identityNumberKind(value)).toBeNull();
  });

  it('normalizes separators and 10-digit forms, with + for 100 years or more', () => {
    const today = new Date('2026-11-23T00:00:00Z');
    expect(normalizePersonnummer('19811218-9876', today)).toBe('198112189876');
    expect(normalizePersonnummer('811218-9876', today)).toBe('198112189876');
    expect(normalizePersonnummer('811218+9876', today)).toBe('188112189876');
    expect(normalizePersonnummer('811218-9875', today)).toBeNull();
  });

  it('computes age from the date part', () => {
    expect(ageOn('201601019999', new Date('2026-01-01T00:00:00Z'))).toBe(10);
    expect(ageOn('201601029999', new Date('2026-01-01T00:00:00Z'))).toBe(9);
  });

  it('R18 R20 counts a birthday from Swedish midnight, not UTC’s', () => {
    // 00:30 on 11 May in Sweden is still 10 May in UTC: the child born 11 May 2013 is 13.
    expect(ageOn('201305119999', new Date('2026-05-10T22:30:00Z'))).toBe(13);
    expect(ageOn('201305119999', new Date('2026-05-10T21:30:00Z'))).toBe(12);
    // An 18th birthday: adult from Swedish midnight.
    expect(ageOn('200812059999', new Date('2026-12-04T23:30:00Z'))).toBe(18);
    // A samordningsnummer's day is the birth day plus 60.
    expect(ageOn('201305719999', new Date('2026-05-10T22:30:00Z'))).toBe(13);
  });
});
