import { readCookie, sessionExpired } from './session.middleware';
import { Session } from './session';

const config = { SESSION_IDLE_TIMEOUT_MIN: 15, SESSION_MAX_AGE_MIN: 480 };
const MIN = 60_000;

function session(lastSeenMinAgo: number, signedInMinAgo: number, tokenLeftMin: number, now: number): Session {
  return {
    id: 'x',
    createdAt: new Date(now - signedInMinAgo * MIN),
    lastSeenAt: new Date(now - lastSeenMinAgo * MIN),
    data: { csrfToken: 't', signedInAt: now - signedInMinAgo * MIN, tokens: { accessToken: 'a', expiresAt: now + tokenLeftMin * MIN } },
  };
}

describe('sessionExpired', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it('keeps a session in use', () => expect(sessionExpired(session(14, 60, 30, now), config, now)).toBe(false));
  it('ends it after the idle timeout', () => expect(sessionExpired(session(16, 60, 30, now), config, now)).toBe(true));
  it('ends it after the absolute lifetime, however active', () => expect(sessionExpired(session(0, 481, 30, now), config, now)).toBe(true));
  it('ends it when the access token has expired', () => expect(sessionExpired(session(0, 10, 0, now), config, now)).toBe(true));
});

describe('readCookie', () => {
  it('finds the named cookie among others', () => {
    expect(readCookie('a=1; console_session=abc-_; b=2', 'console_session')).toBe('abc-_');
    expect(readCookie(undefined, 'console_session')).toBeUndefined();
    expect(readCookie('xconsole_session=1', 'console_session')).toBeUndefined();
  });
});
