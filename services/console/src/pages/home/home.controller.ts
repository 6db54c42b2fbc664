import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { html } from '../../views/html';
import { ROLE_LABELS } from '../../views/labels';
import { layout } from '../../views/layout';
import { navFor } from '../../views/navigation';
import { Page, PageContext } from '../page-access';

/** The home page: per role, what the signed-in person can do (the menu's entries, described). */
@Controller()
export class HomeController {
  @Get()
  show(@Page() page: PageContext, @Res() res: Response): void {
    const items = navFor(page.user.roles);
    res.type('html').send(
      layout({
        title: 'Start',
        user: page.user,
        csrfToken: page.csrfToken,
        path: '/',
        main: html`<h1>Välkommen, ${page.user.name}</h1>
<p class="lead">Du är inloggad som ${page.user.roles.map((r) => ROLE_LABELS[r] ?? r).join(' och ').toLowerCase()} i ${page.user.region}.</p>
${items.length > 0
  ? html`<h2>Det här kan du göra</h2>
<ul class="cards">
  ${items.map((item) => html`<li class="card"><h3><a href="${item.href}">${item.label}</a></h3><p>${item.description}</p></li>`)}
</ul>`
  : html`<p>Din roll har inga sidor i konsolen ännu. Arbetet görs tills vidare via API:t.</p>`}`,
      }).value,
    );
  }
}
