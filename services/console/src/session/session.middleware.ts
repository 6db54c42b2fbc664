import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ConsoleConfig } from '../console.config';
import { Session } from './session';
import { SessionStore } from './session.store';
import { errorPage } from '../pages/errors/error.view';

export const SESSION_COOKIE = 'console_session';
/** Sent by the case page's status refresh: not activity, so it does not hold the idle timeout off. */
export const POLL_HEADER = 'x-console-poll';

export interface ConsoleRequest extends Request {
  session?: Session;
  /** The session that came with the request ended now (idle or absolute timeout, token expired). */
  sessionEnded?: boolean;
}

/** httpOnly (no script reads it), Secure (Chromium accepts it on http://127.0.0.1), SameSite=Lax. */
export function setSessionCookie(res: Response, id: string): void {
  res.cookie(SESSION_COOKIE, id, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Whether a signed-in session has run out: idle too long, past its absolute lifetime, or its access
 * token expired with no refresh token to renew it.
 */
export function sessionExpired(session: Session, config: Pick<ConsoleConfig, 'SESSION_IDLE_TIMEOUT_MIN' | 'SESSION_MAX_AGE_MIN'>, now = Date.now()): boolean {
  if (now - session.lastSeenAt.getTime() > config.SESSION_IDLE_TIMEOUT_MIN * 60_000) return true;
  const { signedInAt, tokens } = session.data;
  if (signedInAt !== undefined && now - signedInAt > config.SESSION_MAX_AGE_MIN * 60_000) return true;
  return tokens !== undefined && tokens.expiresAt <= now && !tokens.refreshToken;
}

/** An access token is renewed this long before it expires, so that no call to the gateway carries an expired one. */
export const REFRESH_AHEAD_MS = 60_000;

/** New tokens for the person `sub` from a refresh token (the OpenID client's refresh grant). */
export type TokenRefresher = (refreshToken: string, sub: string) => Promise<{ accessToken: string; idToken?: string; refreshToken?: string; expiresAt: number }>;

/**
 * One refresh per session and refresh token in this instance: a page and its status refresh arriving
 * together share it, and a request that read the session just before a refresh finished takes its
 * result rather than spend the old refresh token again (a provider that rotates them would take a
 * second use as theft and end the person's sign-in). A result is kept for a minute.
 */
const refreshing = new Map<string, { from: string; data: Promise<Session['data']>; at: number }>();
const KEEP_RESULT_MS = 60_000;

/**
 * Renews the session's tokens when its access token is about to expire and a refresh token is
 * held. A person who keeps working stays signed in up to the session's lifetime, and a form sent
 * after the access token's hour is not lost to a sign-in. Answers false when the session must end:
 * the token has expired and the provider would not renew it.
 */
async function renewIfDue(store: SessionStore, id: string, session: Session, refresh: TokenRefresher, now = Date.now()): Promise<boolean> {
  const { tokens, user } = session.data;
  if (!tokens?.refreshToken || !user || tokens.expiresAt - now > REFRESH_AHEAD_MS) return true;
  for (const [key, entry] of refreshing) if (now - entry.at > KEEP_RESULT_MS) refreshing.delete(key);
  let pending = refreshing.get(id);
  if (!pending || pending.from !== tokens.refreshToken) {
    const data = (async () => {
      const renewed = await refresh(tokens.refreshToken as string, user.sub);
      const next = { ...session.data, tokens: { accessToken: renewed.accessToken, idToken: renewed.idToken ?? tokens.idToken, refreshToken: renewed.refreshToken ?? tokens.refreshToken, expiresAt: renewed.expiresAt } };
      await store.update(id, next);
      return next;
    })();
    pending = { from: tokens.refreshToken, data, at: now };
    refreshing.set(id, pending);
    // A failed refresh is not kept: the next request tries again.
    data.catch(() => refreshing.get(id) === pending && refreshing.delete(id));
  }
  try {
    session.data = await pending.data;
    return true;
  } catch {
    // Not renewed: a token still valid serves this request, and the next one tries again.
    return tokens.expiresAt > Date.now();
  }
}

/** Loads the session named by the cookie, ends it when it has run out, and records activity. */
export function sessionMiddleware(store: SessionStore, config: ConsoleConfig, refresh?: TokenRefresher) {
  return (req: ConsoleRequest, res: Response, next: NextFunction): void => {
    void (async () => {
      const id = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (!id) return;
      const session = await store.find(id);
      if (!session) {
        clearSessionCookie(res);
        return;
      }
      if (sessionExpired(session, config) || (refresh && !(await renewIfDue(store, id, session, refresh)))) {
        await store.destroy(id);
        clearSessionCookie(res);
        req.sessionEnded = session.data.user !== undefined;
        return;
      }
      req.session = session;
      if (req.get(POLL_HEADER) !== '1') await store.touch(id);
    })().then(() => next(), next);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * CSRF: the synchronizer token of the session must come back in the `_csrf` field of every request
 * that is not GET or HEAD; otherwise 403 with a page that says what to do. (SameSite=Lax already
 * keeps the cookie off cross-site POSTs; this holds without relying on it.)
 */
export function csrfMiddleware() {
  return (req: ConsoleRequest, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    // Signing out of a session that has already ended: nothing to protect, nothing to do.
    if (!req.session && req.path === '/logga-ut') return res.redirect(303, '/utloggad');
    const body = req.body as Record<string, unknown> | undefined;
    const sent = typeof body?._csrf === 'string' ? body._csrf : '';
    const expected = req.session?.data.csrfToken;
    if (expected && sameToken(sent, expected)) return next();
    res
      .status(403)
      .type('html')
      .send(
        errorPage({
          status: 403,
          title: 'Formuläret kunde inte skickas',
          message: 'Sidan var för gammal eller kom inte från konsolen, så av säkerhetsskäl togs inget emot. Gå tillbaka, ladda om sidan och försök igen.',
          user: req.session?.data.user,
          csrfToken: req.session?.data.csrfToken,
        }).value,
      );
  };
}
