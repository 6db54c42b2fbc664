import { SignedInUser } from '../../session/session';
import { SafeHtml, html } from '../../views/html';
import { layout } from '../../views/layout';

export interface ErrorPageOptions {
  status: number;
  title: string;
  message: string;
  user?: SignedInUser;
  csrfToken?: string;
}

/** Every error the console shows: what happened and what to do, in Swedish; never a stack trace. */
export function errorPage(options: ErrorPageOptions): SafeHtml {
  return layout({
    title: options.title,
    user: options.user,
    csrfToken: options.csrfToken,
    main: html`<h1>${options.title}</h1>
<p>${options.message}</p>
<p><a href="/">Till startsidan</a></p>
<p class="muted">Felkod ${options.status}</p>`,
  });
}
