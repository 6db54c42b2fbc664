import { guardiansToUnblock, threatChecked } from './r19-threat-check';

describe('R19 unblock after the unit head’s threat check', () => {
  const check = { otherUnitsConsulted: true, socialServicesConsulted: true, checkedAt: '2027-02-28T10:00:00Z', summary: 'ingen hotbild' };

  it('needs both the other units and social services consulted', () => {
    expect(threatChecked(check)).toBe(true);
    expect(threatChecked({ ...check, otherUnitsConsulted: false })).toBe(false);
    expect(threatChecked({ ...check, socialServicesConsulted: false })).toBe(false);
    expect(threatChecked(undefined)).toBe(false);
  });

  const guardians = [
    { personnummer: '198001014565', blocked: true },
    { personnummer: '198202025675', blocked: false },
  ];

  it('lifts every blocked guardian when none is named', () => {
    expect(guardiansToUnblock(undefined, guardians)).toEqual(['198001014565']);
    expect(guardiansToUnblock([], guardians)).toEqual(['198001014565']);
  });

  it('lifts the named guardians only when each of them is blocked', () => {
    expect(guardiansToUnblock(['198001014565'], guardians)).toEqual(['198001014565']);
    expect(guardiansToUnblock(['198202025675'], guardians)).toBeNull();
    expect(guardiansToUnblock(['197503036787'], guardians)).toBeNull();
  });
});
