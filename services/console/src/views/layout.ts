import { SignedInUser } from '../session/session';
import { SafeHtml, html } from './html';
import { ROLE_LABELS } from './labels';
import { navFor } from './navigation';

export interface PageOptions {
  /** The page's own title; the document title adds the service's name. */
  title: string;
  main: SafeHtml;
  user?: SignedInUser;
  /** Needed for the sign-out form in the header. */
  csrfToken?: string;
  /** The path of the page, to mark its menu entry. */
  path?: string;
  /** External scripts of this page, under /assets/ (no inline script: the CSP forbids it). */
  scripts?: string[];
}

export const SERVICE_NAME = 'Spärrkonsolen';

/** The one layout: skip link, header with who is signed in and sign-out, the role's menu, main, footer. */
export function layout(page: PageOptions): SafeHtml {
  const { user } = page;
  const nav = user ? navFor(user.roles) : [];
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} – ${SERVICE_NAME}</title>
<link rel="stylesheet" href="/assets/console.css">
${(page.scripts ?? []).map((src) => html`<script src="/assets/${src}" defer></script>`)}
</head>
<body>
<a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/">${SERVICE_NAME}</a>
    ${user
      ? html`<div class="who">
      <p>Inloggad som <strong>${user.name}</strong> <span class="muted">(${user.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}, ${user.region})</span></p>
      <form method="post" action="/logga-ut">
        <input type="hidden" name="_csrf" value="${page.csrfToken ?? ''}">
        <button type="submit" class="button secondary">Logga ut</button>
      </form>
    </div>`
      : null}
  </div>
  ${user
    ? html`<nav class="site-nav" aria-label="Huvudmeny"><div class="wrap"><ul>
    <li><a href="/"${page.path === '/' ? html` aria-current="page"` : null}>Start</a></li>
    ${nav.map((item) => html`<li><a href="${item.href}"${page.path === item.href ? html` aria-current="page"` : null}>${item.label}</a></li>`)}
  </ul></div></nav>`
    : null}
</header>
<main id="main" class="wrap" tabindex="-1">
${page.main}
</main>
<footer class="site-footer"><div class="wrap"><p>${SERVICE_NAME} för regionernas servicedesk, kontaktcenter och vårdpersonal. Personuppgifter visas bara för den som behöver dem, och varje läsning loggas.</p></div></footer>
</body>
</html>`;
}
