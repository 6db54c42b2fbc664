import type { WorkItemList, WorkItemView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { WORK_ITEM_KIND_LABELS, swedishTime } from '../../views/labels';

export interface RecentBlock {
  id: string;
  registryNumber: string;
  at: string;
}

/** A work item of a guardian block or unblock names the block as its case (manual execution, failed execution). */
export function guardianBlockOf(item: Pick<WorkItemView, 'action' | 'queue' | 'caseId'>): string | null {
  return item.action === 'GUARDIAN_BLOCK' || item.action === 'GUARDIAN_UNBLOCK' || item.queue === 'CONTACT_CENTRE' ? item.caseId : null;
}

/** How long an item has waited, in words. */
export function age(createdAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} tim`;
  return `${Math.floor(hours / 24)} dygn`;
}

/** The contact centre's desk: its queue (GET /work-items), the blocks this person filed or opened, and the form to file one. */
export function contactCentreView(o: { items: WorkItemList; showing: 'OPEN' | 'DONE'; recent: readonly RecentBlock[]; mayFile: boolean; now: Date }): SafeHtml {
  const other = o.showing === 'OPEN' ? { href: '/kontaktcenter?visa=klara', text: 'Visa klara' } : { href: '/kontaktcenter', text: 'Visa öppna' };
  const more = o.items.nextCursor ? `/kontaktcenter?${new URLSearchParams({ ...(o.showing === 'DONE' ? { visa: 'klara' } : {}), fran: o.items.nextCursor }).toString()}` : null;
  return html`<h1>Kontaktcenter</h1>
<p class="lead">Blockering av vårdnadshavare (rutin 002): kontaktcentrets kö, de blockeringar du har registrerat eller öppnat, och formuläret för en blockering som verksamhetschefen ringer in.</p>
${o.mayFile ? html`<p><a class="button" href="/vardnadshavare/ny-blockering">Blockera vårdnadshavare</a></p>` : null}

<section aria-labelledby="s-queue">
  <h2 id="s-queue">${o.showing === 'OPEN' ? 'Öppna uppgifter i kön' : 'Klara uppgifter i kön'}</h2>
  <p><a href="${other.href}">${other.text}</a></p>
  ${o.items.items.length === 0
    ? html`<p id="queue-empty">${o.showing === 'OPEN' ? 'Kön är tom: inga öppna uppgifter.' : 'Inga klara uppgifter.'}</p>`
    : html`<table class="timeline" id="queue">
    <caption class="visually-hidden">Kontaktcentrets kö, äldst först</caption>
    <thead><tr><th scope="col">Ärende</th><th scope="col">Typ</th><th scope="col">Uppgift</th><th scope="col">Väntat</th></tr></thead>
    <tbody>
    ${o.items.items.map((item) => {
      const block = guardianBlockOf(item);
      return html`<tr>
      <td>${block ? html`<a href="/vardnadshavare/${block}">${item.registryNumber}</a>` : item.registryNumber}${item.protectedIdentity ? html` <strong class="status status-failed">Skyddad identitet</strong>` : null}</td>
      <td>${WORK_ITEM_KIND_LABELS[item.kind] ?? item.kind}${item.escalated ? html` <strong>(eskalerad)</strong>` : null}</td>
      <td>${item.title}</td>
      <td>${item.status === 'OPEN' ? age(item.createdAt, o.now) : item.completedAt ? html`klar ${swedishTime(item.completedAt)}` : null}</td>
    </tr>`;
    })}
    </tbody>
  </table>`}
  ${o.items.truncated && more ? html`<p>Kön har fler uppgifter än som visas här. <a href="${more}">Visa fler</a></p>` : null}
</section>

<section aria-labelledby="s-recent">
  <h2 id="s-recent">Blockeringar du har registrerat eller öppnat</h2>
  <p class="hint">Sparas bara under den här inloggningen. Det finns ännu ingen sökning av blockeringar i API:t.</p>
  ${o.recent.length === 0
    ? html`<p>Inga än under den här inloggningen.</p>`
    : html`<ul id="recent-blocks">${o.recent.map((b) => html`<li><a href="/vardnadshavare/${b.id}">${b.registryNumber}</a> <span class="muted">${swedishTime(b.at)}</span></li>`)}</ul>`}
</section>`;
}
