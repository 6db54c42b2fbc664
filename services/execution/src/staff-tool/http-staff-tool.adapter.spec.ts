import { lockedByRegionOf } from './http-staff-tool.adapter';

describe('http staff-tool adapter: whose lock the tool shows (R10)', () => {
  it('R10 reads the region whose login lock is in effect from the account in the answer', () => {
    expect(lockedByRegionOf({ loginLocked: true, lockedByRegion: 'KRONOBERG' }, 'LOGIN_LOCK')).toBe('KRONOBERG');
    expect(lockedByRegionOf({ loginLocked: false, lockedByRegion: null }, 'LOGIN_UNLOCK')).toBeNull();
    expect(lockedByRegionOf({ loginLocked: true, lockedByRegion: 'VGR' }, 'LOGIN_UNLOCK')).toBe('VGR');
  });

  it('R10 finds no answer in a lock that did not lock, or a locked login without a region', () => {
    expect(lockedByRegionOf({ loginLocked: false, lockedByRegion: null }, 'LOGIN_LOCK')).toBeUndefined();
    expect(lockedByRegionOf({ loginLocked: true, lockedByRegion: null }, 'LOGIN_LOCK')).toBeUndefined();
    expect(lockedByRegionOf({ loginLocked: true, lockedByRegion: '' }, 'LOGIN_LOCK')).toBeUndefined();
    expect(lockedByRegionOf({}, 'LOGIN_LOCK')).toBeUndefined();
    expect(lockedByRegionOf(null, 'LOGIN_UNLOCK')).toBeUndefined();
  });
});
