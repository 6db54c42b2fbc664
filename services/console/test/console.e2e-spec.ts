import { createHash, randomBytes } from 'node:crypto';
import { pollUntil } from '@accessdesk/testing';
import { ConsoleBrowser, checkPage, newContext as contextOf, signIn as signInAs, startConsoleBrowser, tabTo, typeInto } from './browser';

/**
 * The staff console in a real browser against the whole running system (./browser.ts): sign-in at the
 * development OpenID provider by choosing a person, a clinician's lock filed with the keyboard alone
 * and followed to EXECUTED, sign-out at the console and the provider.
 */

const TOVA = { personnummer: '199001012385', name: 'Tova Testsson' };

describe('the staff console in a browser', () => {
  let b: ConsoleBrowser;
  let system: ConsoleBrowser['system'];

  beforeAll(async () => {
    // restart: the console is killed once below and must come back with its sessions.
    b = await startConsoleBrowser({ restart: true });
    system = b.system;
  }, 180_000);

  afterAll(async () => {
    await b?.close();
  }, 60_000);

  const newContext = () => contextOf(b);
  const signIn = (page: Parameters<typeof signInAs>[1], person: string, screenshots: boolean) => signInAs(b, page, person, screenshots);
  const visitedUrls = { filter: (test: (u: string) => boolean) => b.visitedUrls.filter(test) };

  it('a clinician signs in, files a lock with the keyboard alone, sees it executed, and signs out', async () => {
    const { context, page } = await newContext();
    await signIn(page, 'Dr A', true);
    await page.getByRole('heading', { name: 'Välkommen, Dr A' }).waitFor();
    await checkPage(page, '03-start-vardpersonal');

    // Only an httpOnly, Secure, SameSite=Lax session cookie; a strict CSP on every page.
    // (Cookies ignore ports: the provider's own, on the same 127.0.0.1, are left out here.)
    const cookies = (await context.cookies(system.consoleUrl)).filter((c) => !c.name.startsWith('_'));
    expect(cookies).toEqual([expect.objectContaining({ name: 'console_session', httpOnly: true, secure: true, sameSite: 'Lax' })]);
    const home = await page.request.get(`${system.consoleUrl}/`);
    expect(home.headers()['content-security-policy']).toMatch(/default-src 'self';.*frame-ancestors 'none';form-action 'self'/);

    // CSRF: a POST without the session's token is refused with a page in Swedish.
    const forged = await context.request.post(`${system.consoleUrl}/arenden/ny-lasning`, { form: { 'resident.name': 'x' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Formuläret kunde inte skickas');

    // The form, sent first without the resident: the gateway's problems beside the fields, in Swedish.
    await tabTo(page, { text: 'Begär låsning' });
    await Promise.all([page.waitForURL(/\/arenden\/ny-lasning$/), page.keyboard.press('Enter')]);
    await checkPage(page, '04-begar-lasning');
    await tabTo(page, { text: 'Skicka begäran' });
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Det finns fel i formuläret' }).waitFor();
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    expect(await page.locator('#f-resident-personnummer-error').innerText()).toContain('Ange ett giltigt personnummer');
    expect(await page.locator('#f-resident-personnummer').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '05-begar-lasning-fel');

    await typeInto(page, 'f-resident-personnummer', TOVA.personnummer);
    await typeInto(page, 'f-resident-name', TOVA.name);
    await tabTo(page, { id: 'f-decision-reasons-1' }); // Hotbild
    await page.keyboard.press('Space');
    await typeInto(page, 'f-decision-motivation', 'Hotbild mot patienten via 1177.');
    await typeInto(page, 'f-decision-journalNoteRef', 'Journalanteckning 2026-11-20');
    await typeInto(page, 'f-decision-chiefPhysicianInformedAt', '2026-11-20 10:30');
    await tabTo(page, { id: 'f-patientInformed-informed' }); // "Ja"; the arrow selects "Nej"
    await page.keyboard.press('ArrowDown');
    await typeInto(page, 'f-patientInformed-reasonIfNot', 'Patientens säkerhet');
    await typeInto(page, 'f-requestingUnit-name', 'Vårdcentralen Testköping');
    await typeInto(page, 'f-requestingUnit-headEmail', 'verksamhetschef@testkoping.example');
    await tabTo(page, { text: 'Skicka begäran' });
    await Promise.all([page.waitForURL(/\/arenden\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
    await checkPage(page, '06-arende-pagar');

    // The page refreshes itself until the case settles: executed, closed, with the effects of R17.
    await page.locator('#case-live[data-settled="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#case-outcome').innerText()).toBe('Utförd');
    const timeline = await page.locator('table.timeline').innerText();
    expect(timeline).toContain('Utfört');
    expect(timeline).toContain('Avslutat');
    expect(await page.getByRole('heading', { name: 'Effekter för invånaren' }).count()).toBe(1);
    expect(await page.content()).toContain('Invånaren kan inte logga in på 1177 e-tjänster.');
    await checkPage(page, '07-arende-utfort');

    // A restart of the console keeps the person signed in (sessions in PostgreSQL).
    const before = system.pid('console');
    process.kill(before as number, 'SIGKILL');
    await pollUntil(
      async () => {
        const pid = system.pid('console');
        if (pid === null || pid === before) return undefined;
        const res = await fetch(`${system.consoleUrl}/health/ready`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the console to come back' },
    );
    await page.reload();
    expect(await page.getByRole('heading', { name: /^Ärende VGR-/ }).count()).toBe(1);

    // Sign-out: the console's session ends, then the provider's (RP-initiated logout).
    await tabTo(page, { text: 'Logga ut' });
    await Promise.all([page.waitForURL(/\/oidc\/session\/end/), page.keyboard.press('Enter')]);
    await checkPage(page, '08-utvecklingsinloggning-logga-ut');
    await tabTo(page, { text: 'Ja, logga ut' });
    await Promise.all([page.waitForURL(`${system.consoleUrl}/utloggad`), page.keyboard.press('Enter')]);
    await checkPage(page, '09-utloggad');
    expect((await context.cookies(system.consoleUrl)).filter((c) => c.name === 'console_session')).toEqual([]);
    await page.goto(`${system.consoleUrl}/arenden/ny-lasning`);
    await page.waitForURL(/\/logga-in$/);
    await context.close();

    // Never a personnummer in a URL; never in the console's logs.
    expect(visitedUrls.filter((u) => u.includes(TOVA.personnummer))).toEqual([]);
    expect(system.logs.filter((l) => l.service === 'console' && l.line.includes(TOVA.personnummer))).toEqual([]);
  }, 150_000);

  it('an auditor sees only what the role may do, and a page outside it answers 403 in Swedish', async () => {
    const { context, page } = await newContext();
    await signIn(page, 'Fredrik Falk', false);
    await page.getByRole('heading', { name: 'Välkommen, Fredrik Falk' }).waitFor();
    expect(await page.getByRole('link', { name: 'Begär låsning' }).count()).toBe(0);
    await checkPage(page, '10-start-granskare');
    const res = await page.goto(`${system.consoleUrl}/arenden/ny-lasning`);
    expect(res?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Du har inte behörighet till sidan' }).waitFor();
    await checkPage(page, '11-ingen-behorighet');
    const missing = await page.goto(`${system.consoleUrl}/arenden/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    await checkPage(page, '12-arendet-finns-inte');
    await context.close();
  }, 90_000);

  it('the development provider: discovery, code flow with PKCE over plain HTTP, and the gateway takes its access token', async () => {
    const issuer = `${system.simulatorUrl}/oidc`;
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer, code_challenge_methods_supported: ['S256'], end_session_endpoint: `${issuer}/session/end` });

    // A browser's part, by hand: cookies kept per the provider's Set-Cookie, redirects followed one by one.
    const jar = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = (pair as string).indexOf('=');
        jar.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
      }
      return res;
    };
    const redirectUri = `${system.consoleUrl}/auth/callback`;
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(discovery.authorization_endpoint as string);
    authorize.search = new URLSearchParams({
      client_id: 'accessdesk-console',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid profile',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    // Without PKCE the provider refuses.
    const noPkce = new URL(authorize);
    noPkce.searchParams.delete('code_challenge');
    noPkce.searchParams.delete('code_challenge_method');
    expect((await go(noPkce.href)).headers.get('location')).toContain('error=invalid_request');

    /** The browser's walk: authorize → the sign-in page → choose the person → back to the client with a code. */
    const codeFor = async (hsaId: string): Promise<URL> => {
      jar.clear();
      const toPage = await go(authorize.href);
      expect(toPage.status).toBe(303);
      const signInPage = await go(new URL(toPage.headers.get('location') as string, issuer).href);
      const pageHtml = await signInPage.text();
      expect(pageHtml).toContain('<html lang="sv">');
      const action = /<form method="post" action="([^"]+)"/.exec(pageHtml)?.[1] as string;
      const chosen = await go(new URL(action, issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ hsaId }).toString(),
      });
      const resumed = await go(new URL(chosen.headers.get('location') as string, issuer).href);
      return new URL(resumed.headers.get('location') as string);
    };
    const tokenAt = discovery.token_endpoint as string;
    const basic = `Basic ${Buffer.from('accessdesk-console:dev-console-secret-not-for-production').toString('base64')}`;
    const exchange = (code: string, codeVerifier: string) =>
      fetch(tokenAt, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier }),
      });

    // A wrong verifier is refused (PKCE).
    const first = await codeFor('SE2321000131-E000000000014');
    expect(`${first.origin}${first.pathname}`).toBe(redirectUri);
    expect(first.searchParams.get('state')).toBe('state-1');
    expect((await exchange(first.searchParams.get('code') as string, randomBytes(32).toString('base64url'))).status).toBe(400);

    const second = await codeFor('SE2321000131-E000000000014');
    const tokenRes = await exchange(second.searchParams.get('code') as string, verifier);
    expect(tokenRes.status).toBe(200);
    const tokens = (await tokenRes.json()) as { access_token: string; id_token: string; refresh_token?: string };
    // A refresh token, so that the console can renew the access token of a person who keeps working.
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await fetch(tokenAt, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string }),
    });
    expect(refreshed.status).toBe(200);
    const renewed = (await refreshed.json()) as { access_token: string };
    const renewedClaims = JSON.parse(Buffer.from(renewed.access_token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    expect(renewedClaims).toMatchObject({ iss: issuer, aud: 'accessdesk-api', sub: 'SE2321000131-E000000000014', roles: ['service_desk'] });
    expect((await fetch(`${system.gatewayUrl}/api/v1/work-items`, { headers: { authorization: `Bearer ${renewed.access_token}` } })).status).toBe(200);
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: issuer,
      aud: 'accessdesk-api',
      sub: 'SE2321000131-E000000000014',
      name: 'David Dahl',
      region: 'VGR',
      roles: ['service_desk'],
      unit: 'SE2321000131-E000000000003',
      careProvider: 'SE2321000131-E000000000000',
    });

    // The gateway verifies it against the provider's JWKS: the service desk's inbox answers 200.
    const inbox = await fetch(`${system.gatewayUrl}/api/v1/work-items`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(inbox.status).toBe(200);
    // The ID token is not an access token: the gateway refuses it (wrong audience).
    const withIdToken = await fetch(`${system.gatewayUrl}/api/v1/work-items`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
    expect(withIdToken.status).toBe(401);
  }, 60_000);
});
