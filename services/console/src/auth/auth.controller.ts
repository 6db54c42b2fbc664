import { Controller, Get, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ConsoleConfig } from '../console.config';
import { PageException, Public } from '../pages/page-access';
import { ConsoleRequest, clearSessionCookie, setSessionCookie } from '../session/session.middleware';
import { SessionStore } from '../session/session.store';
import { html } from '../views/html';
import { layout } from '../views/layout';
import { OidcClientService } from './oidc-client.service';

/** How long a sign-in may take at the provider before its pre-login session is gone. */
const LOGIN_WINDOW_MS = 10 * 60_000;

/**
 * Sign-in and sign-out. Tokens stay in the server-side session; the browser gets only the session
 * cookie, whose id is replaced at sign-in (no session fixation).
 */
@Controller()
@Public()
export class AuthController {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly oidc: OidcClientService,
    private readonly sessions: SessionStore,
    private readonly config: ConsoleConfig,
  ) {}

  @Get('logga-in')
  signInPage(@Req() req: ConsoleRequest, @Res() res: Response, @Query('orsak') reason?: string): void {
    if (req.session?.data.user) return res.redirect(303, '/');
    const timedOut = reason === 'inaktiv';
    res.type('html').send(
      layout({
        title: 'Logga in',
        main: html`<h1>Logga in</h1>
${timedOut ? html`<div class="notice" role="status"><p>Du loggades ut eftersom du inte använt konsolen på ${this.config.SESSION_IDLE_TIMEOUT_MIN} minuter.</p></div>` : null}
<p>Spärrkonsolen används av regionens servicedesk, kontaktcenter, vårdpersonal, verksamhetschefer och granskare för ärenden om begränsad åtkomst till 1177.</p>
<p>Du loggar in med regionens inloggningstjänst.</p>
<p><a class="button" href="/auth/login">Logga in</a></p>`,
      }).value,
    );
  }

  /** Starts the authorization code flow with PKCE; the verifier, state and nonce wait in a pre-login session. */
  @Get('auth/login')
  async startSignIn(@Req() req: ConsoleRequest, @Res() res: Response): Promise<void> {
    if (req.session?.data.user) return res.redirect(303, '/');
    let start;
    try {
      start = await this.oidc.start();
    } catch (err) {
      this.logger.warn(`the OpenID provider did not answer: ${err instanceof Error ? err.message : String(err)}`);
      throw new PageException(503, 'Inloggningstjänsten svarar inte', 'Regionens inloggningstjänst kunde inte nås. Försök igen om en stund.');
    }
    if (req.session) await this.sessions.destroy(req.session.id);
    const pending = await this.sessions.create(
      { login: { codeVerifier: start.codeVerifier, state: start.state, nonce: start.nonce, returnTo: '/' } },
      new Date(Date.now() + LOGIN_WINDOW_MS),
    );
    setSessionCookie(res, pending.id);
    res.redirect(303, start.url);
  }

  @Get('auth/callback')
  async callback(@Req() req: ConsoleRequest, @Res() res: Response): Promise<void> {
    const login = req.session?.data.login;
    if (!req.session || !login) {
      throw new PageException(400, 'Inloggningen kunde inte slutföras', 'Inloggningen hade gått ut eller startades inte här. Börja om från inloggningssidan.');
    }
    const pendingId = req.session.id;
    let signedIn;
    try {
      signedIn = await this.oidc.finish(new URL(req.originalUrl, this.config.CONSOLE_PUBLIC_URL), login);
    } catch (err) {
      // The provider's error code or the check that failed; never a token.
      this.logger.warn(`sign-in failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      await this.sessions.destroy(pendingId);
      clearSessionCookie(res);
      throw new PageException(400, 'Inloggningen kunde inte slutföras', 'Inloggningen avbröts eller kunde inte bekräftas. Börja om från inloggningssidan.');
    }
    // A new session id at sign-in: whatever id the browser held before is worth nothing now.
    await this.sessions.destroy(pendingId);
    await this.sessions.removeExpired();
    const now = Date.now();
    const session = await this.sessions.create(
      {
        user: signedIn.user,
        tokens: { accessToken: signedIn.accessToken, idToken: signedIn.idToken, refreshToken: signedIn.refreshToken, expiresAt: signedIn.expiresAt },
        signedInAt: now,
      },
      // With a refresh token the session lives its full lifetime; without, only as long as the access token.
      new Date(Math.min(now + this.config.SESSION_MAX_AGE_MIN * 60_000, signedIn.refreshToken ? Infinity : signedIn.expiresAt)),
    );
    setSessionCookie(res, session.id);
    this.logger.log(`signed in: ${signedIn.user.sub} (${signedIn.user.roles.join(', ')}, ${signedIn.user.region})`);
    res.redirect(303, login.returnTo);
  }

  /** Ends the console's session, then signs out at the provider too when it supports RP-initiated logout. */
  @Post('logga-ut')
  async signOut(@Req() req: ConsoleRequest, @Res() res: Response): Promise<void> {
    const idToken = req.session?.data.tokens?.idToken;
    if (req.session) {
      await this.sessions.destroy(req.session.id);
      this.logger.log(`signed out: ${req.session.data.user?.sub ?? 'no one'}`);
    }
    clearSessionCookie(res);
    res.redirect(303, (await this.oidc.endSessionUrl(idToken)) ?? '/utloggad');
  }

  @Get('utloggad')
  signedOut(@Res() res: Response): void {
    res.type('html').send(
      layout({
        title: 'Utloggad',
        main: html`<h1>Du är utloggad</h1>
<p>Din session i konsolen är avslutad. Stäng webbläsaren om du använder en delad dator.</p>
<p><a class="button" href="/logga-in">Logga in igen</a></p>`,
      }).value,
    );
  }
}
