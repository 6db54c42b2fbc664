import { homeRegionProblem, needsHomeRegion } from './r15-home-region';

const names = (code: string) => ({ JAMTLAND: 'Region Jämtland Härjedalen' })[code];
const slug = (p: { type: string } | null) => (p ? p.type.split('/').pop() : null);

describe('R15 an external party’s request goes to the resident’s home region (004)', () => {
  it('is asked only for an external party’s request', () => {
    expect(needsHomeRegion({ initiator: { kind: 'EXTERNAL_PARTY', description: 'Polisen' } })).toBe(true);
    for (const kind of ['STAFF', 'RELATIVE', 'LEGAL_REPRESENTATIVE', 'RESIDENT'] as const) expect(needsHomeRegion({ initiator: { kind } })).toBe(false);
  });

  it('refuses a request filed in another region, naming the right one', () => {
    const refused = homeRegionProblem('VGR', { found: true, homeRegion: 'JAMTLAND' }, names);
    expect(slug(refused)).toBe('external-party-other-region');
    expect(refused).toMatchObject({ status: 422, homeRegion: 'JAMTLAND', homeRegionName: 'Region Jämtland Härjedalen' });
    expect(refused?.detail).toContain('Region Jämtland Härjedalen');
  });

  it('lets the home region, an unknown resident and a register without a region through', () => {
    expect(homeRegionProblem('JAMTLAND', { found: true, homeRegion: 'JAMTLAND' }, names)).toBeNull();
    expect(homeRegionProblem('VGR', { found: false, homeRegion: null }, names)).toBeNull();
    expect(homeRegionProblem('VGR', { found: true, homeRegion: null }, names)).toBeNull();
    expect(homeRegionProblem('VGR', { found: true }, names)).toBeNull();
  });
});
