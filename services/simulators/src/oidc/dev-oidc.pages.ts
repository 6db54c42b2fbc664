import type { StaffFixture } from '../fixtures/fixtures';

// The development provider's pages, in Swedish, server-rendered, without any script or inline style.

/** Headers of every page the provider renders itself. No form-action: a sign-in ends in a redirect to the console. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const ROLE_NAMES: Record<string, string> = {
  clinician: 'legitimerad vårdpersonal',
  unit_head: 'verksamhetschef',
  medical_lead: 'medicinskt ansvarig läkare',
  service_desk: 'servicedesk',
  contact_centre: 'kontaktcenter',
  auditor: 'granskare',
  operator: 'drift',
};

export const STYLESHEET = `
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 0; color: #1a1a1a; background: #f4f4f4; line-height: 1.5; }
main { max-width: 46rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border: 1px solid #ccc; }
h1 { margin-top: 0; }
ul { list-style: none; padding: 0; }
li { margin: 0.5rem 0; }
button { font: inherit; width: 100%; text-align: left; padding: 0.6rem 0.8rem; border: 2px solid #1d5c8c; background: #fff; color: #1d5c8c; cursor: pointer; }
button:hover { background: #eaf2f8; }
button:focus-visible, a:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.primary { background: #1d5c8c; color: #fff; text-align: center; }
.details { display: block; color: #333; font-size: 0.9rem; }
.note { background: #fff4d6; border-left: 4px solid #b58100; padding: 0.5rem 1rem; }
`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function page(title: string, body: string, mountPath: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – utvecklingsinloggning</title>
<link rel="stylesheet" href="${escapeHtml(mountPath)}/assets/style.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** Choose a person of the fixtures, grouped by region; each person is one button of one form. */
export function interactionPage(uid: string, staff: StaffFixture[], mountPath: string): string {
  const regions = [...new Set(staff.map((s) => s.region))];
  const sections = regions
    .map((region, i) => {
      const people = staff
        .filter((s) => s.region === region)
        .map((s) => {
          const roles = s.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ');
          return `<li><button type="submit" name="hsaId" value="${escapeHtml(s.hsaId)}">${escapeHtml(s.name)} <span class="details">${escapeHtml(roles)} · ${escapeHtml(s.hsaId)}</span></button></li>`;
        })
        .join('\n');
      return `<section aria-labelledby="region-${i}"><h2 id="region-${i}">${escapeHtml(region)}</h2>\n<ul>\n${people}\n</ul></section>`;
    })
    .join('\n');
  return page(
    'Välj person',
    `<h1>Logga in som</h1>
<p class="note">Utvecklingsinloggning med testpersoner. I drift loggar man in hos regionens inloggningstjänst.</p>
<form method="post" action="${escapeHtml(mountPath)}/interaction/${escapeHtml(uid)}/login">
${sections}
</form>`,
    mountPath,
  );
}

/** RP-initiated logout: confirm (the provider's form carries its own xsrf token). */
export function logoutPage(form: string, mountPath: string): string {
  return page(
    'Logga ut',
    `<h1>Logga ut</h1>
<p>Vill du logga ut från utvecklingsinloggningen?</p>
${form}
<p><button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Ja, logga ut</button></p>
<p><button type="submit" form="op.logoutForm">Nej, förbli inloggad</button></p>`,
    mountPath,
  );
}

export function loggedOutPage(mountPath: string): string {
  return page('Utloggad', '<h1>Du är utloggad</h1><p>Du kan stänga fönstret.</p>', mountPath);
}

/** The provider's errors, named by their OAuth error code only (never by what was sent). */
export function oidcErrorPage(code: string, mountPath: string): string {
  return page('Fel vid inloggning', `<h1>Inloggningen kunde inte slutföras</h1><p>Felkod: <code>${escapeHtml(code)}</code>. Börja om från tjänsten du kom från.</p>`, mountPath);
}
