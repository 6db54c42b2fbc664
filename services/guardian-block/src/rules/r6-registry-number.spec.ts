import { formatRegistryNumber } from './r6-registry-number';

describe('R6 registry number of a guardian block', () => {
  it('names region, year, the VB series and a zero-padded serial', () => {
    expect(formatRegistryNumber('JONKOPING', 2026, 1)).toBe('JONKOPING-2026-VB-000001');
    expect(formatRegistryNumber('VGR', 2027, 123)).toBe('VGR-2027-VB-000123');
  });
});
