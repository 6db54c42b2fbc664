import { formatRegistryNumber } from './r6-registry-number';

describe('R6 registry number', () => {
  it('names region, year and a zero-padded serial', () => {
    expect(formatRegistryNumber('VGR', 2026, 123)).toBe('VGR-2026-000123');
    expect(formatRegistryNumber('KRONOBERG', 2027, 1)).toBe('KRONOBERG-2027-000001');
  });
});
