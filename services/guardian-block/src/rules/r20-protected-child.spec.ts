import { alreadyInEffect } from './r20-protected-child';

describe('R20 a protected child 0–12 has its guardians blocked already', () => {
  const at = new Date('2026-11-24T10:00:00Z');

  it('protected and 0–12: already in effect', () => {
    expect(alreadyInEffect('201806151237', true, at)).toBe(true);
    // 12 until the day before the 13th birthday.
    expect(alreadyInEffect('201311250000', true, at)).toBe(true);
  });

  it('protected and 13 or older, or not protected: a block is needed', () => {
    expect(alreadyInEffect('201311240000', true, at)).toBe(false);
    expect(alreadyInEffect('201103102347', true, at)).toBe(false);
    expect(alreadyInEffect('201806151237', false, at)).toBe(false);
  });
});
