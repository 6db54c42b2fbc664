import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config';
import { parse as parseYaml } from 'yaml';
import { parseRegions } from './regions';

const shipped = () => JSON.parse(readFileSync(join(__dirname, '../../../config/regions.json'), 'utf8'));

describe('R24 regions configuration', () => {
  it('R24 ships the four regions of the seeds, each with its desk, channels and adapter mode', () => {
    const regions = parseRegions(shipped(), 'config/regions.json');
    expect(regions.all.map((r) => r.code)).toEqual(['VGR', 'KRONOBERG', 'JONKOPING', 'JAMTLAND']);
    expect(regions.get('KRONOBERG').serviceDesk.name).toBe('VIS-support');
    expect(regions.get('VGR').channels).toContain('EMERGENCY_PHONE');
    expect(regions.get('JONKOPING').adapterMode).toBe('manual');
    expect(regions.duration('VGR', 'reviewPeriod')).toMatchObject({ months: 3 });
  });

  it('R24 adding a region is a change of the file only', () => {
    const raw = shipped();
    raw.regions.push({ ...raw.regions[0], code: 'SKANE', name: 'Region Skåne' });
    expect(parseRegions(raw, 'x').get('SKANE').name).toBe('Region Skåne');
  });

  it('R24 refuses a file with a bad value, a misspelt field or a region twice, naming the place', () => {
    const bad = shipped();
    bad.regions[1].reviewPeriod = 'three months';
    expect(() => parseRegions(bad, 'x')).toThrow(/regions\.1\.reviewPeriod/);
    const misspelt = shipped();
    misspelt.regions[0].adapterMod = 'http';
    expect(() => parseRegions(misspelt, 'x')).toThrow(ConfigError);
    const twice = shipped();
    twice.regions.push(twice.regions[0]);
    expect(() => parseRegions(twice, 'x')).toThrow(/VGR appears twice/);
  });

  it('R7 R24 the production regions file (deploy/k8s) is valid and puts every region in manual mode: the staff tool has no public API', () => {
    const configMap = parseYaml(readFileSync(join(__dirname, '../../../deploy/k8s/configmap-files.yaml'), 'utf8')) as { data: Record<string, string> };
    const production = parseRegions(JSON.parse(configMap.data['regions.json']), 'deploy/k8s/configmap-files.yaml');
    expect(production.all.map((r) => r.code)).toEqual(parseRegions(shipped(), 'config/regions.json').all.map((r) => r.code));
    expect(production.all.map((r) => r.adapterMode)).toEqual(production.all.map(() => 'manual'));
  });
});
