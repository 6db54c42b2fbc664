import { allListedAsGuardians, hasDuplicates, isMinor } from './r18-child-and-guardians';

describe('R18 the child is a minor and the guardians are the register’s', () => {
  const at = new Date('2026-11-24T10:00:00Z');

  it('a child is a minor until the 18th birthday', () => {
    expect(isMinor('201806151237', at)).toBe(true);
    expect(isMinor('200811240000', new Date('2026-11-23T10:00:00Z'))).toBe(true);
    expect(isMinor('200811240000', at)).toBe(false);
    expect(isMinor('200505057893', at)).toBe(false);
  });

  it('every named guardian must be listed by the register', () => {
    expect(allListedAsGuardians(['198001014565'], ['198001014565', '198202025675'])).toBe(true);
    expect(allListedAsGuardians(['198001014565', '198202025675'], ['198001014565', '198202025675'])).toBe(true);
    expect(allListedAsGuardians(['197503036787'], ['198001014565', '198202025675'])).toBe(false);
    expect(allListedAsGuardians(['198001014565'], [])).toBe(false);
  });

  it('a guardian named twice is noticed', () => {
    expect(hasDuplicates(['198001014565', '198001014565'])).toBe(true);
    expect(hasDuplicates(['198001014565', '198202025675'])).toBe(false);
  });
});
