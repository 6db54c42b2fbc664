import type { GuardianBlockStatus, GuardianBlockView } from '@accessdesk/contracts';
import { SafeHtml, html } from '../../views/html';
import { csrfField } from '../../views/form';
import { CHANNEL_LABELS, GUARDIAN_BLOCK_PENDING, GUARDIAN_BLOCK_STATUS_LABELS, swedishTime } from '../../views/labels';

/** Statuses that change by themselves (the staff tool answers): the page refreshes itself while in them. */
const MOVING: ReadonlySet<GuardianBlockStatus> = new Set(['RECEIVED', 'EXECUTING', 'UNBLOCKING']);

/** R19: an unblock is possible on a block in effect, also once closed (a guardian still blocked). */
export function mayBeLifted(b: Pick<GuardianBlockView, 'status' | 'guardians'>): boolean {
  return b.guardians.some((g) => g.blocked) && (b.status === 'BLOCKED' || b.status === 'CLOSED');
}

export interface GuardianBlockPageOptions {
  csrfToken: string;
  /** The person may mark tasks done (the contact centre). */
  mayDoTasks: boolean;
  mayUnblock: boolean;
  /** The person may open the linked lock case (GET /cases/{id}); the contact centre may not. */
  mayOpenCase: boolean;
  /** Said once after a redirect, in a status region. */
  message?: string;
}

function ehrNoteField(id: string, label: string, text: string): SafeHtml {
  return html`<div class="field copy-field">
  <label for="${id}">${label}</label>
  <p class="hint" id="${id}-hint">Kopiera texten till mallen Administrativ anteckning i journalen (sökord Åtgärd).</p>
  <textarea class="input long" id="${id}" rows="10" readonly aria-describedby="${id}-hint" data-copy-status="${id}-copied">${text}</textarea>
  <p class="copy-status" id="${id}-copied" role="status"></p>
</div>`;
}

/** One guardian block: status, guardians, the linked lock, tasks with their forms, the EHR note, the timeline. */
export function guardianBlockView(b: GuardianBlockView, o: GuardianBlockPageOptions): SafeHtml {
  const settled = !MOVING.has(b.status);
  const openTasks = b.tasks.filter((t) => t.status === 'OPEN');
  return html`<h1>Blockering av vårdnadshavare ${b.registryNumber}</h1>
<p class="lead">${b.urgent ? 'Brådskande · ' : null}${CHANNEL_LABELS[b.channel] ?? b.channel} · ${b.region}</p>
<p role="status" class="flash">${o.message ? html`<span class="notice">${o.message}</span>` : null}</p>
<div id="case-live" data-settled="${settled ? 'true' : 'false'}">
<section aria-labelledby="s-status" class="panel">
  <h2 id="s-status">Status</h2>
  <p class="status-line"><span class="status status-${b.status.toLowerCase().replace(/_/g, '-')}" id="case-status">${GUARDIAN_BLOCK_STATUS_LABELS[b.status] ?? b.status}</span></p>
  <p id="block-pending">${GUARDIAN_BLOCK_PENDING[b.status] ?? ''}</p>
  ${settled ? null : html`<p><a href="/vardnadshavare/${b.id}" class="refresh-link">Uppdatera</a> <span class="muted">Sidan uppdateras av sig själv medan blockeringen utförs.</span></p>`}
  ${o.mayUnblock && mayBeLifted(b) ? html`<p><a class="button" href="/vardnadshavare/${b.id}/hav-blockering">Häv blockeringen</a></p>` : null}
</section>

<section aria-labelledby="s-guardians" class="panel">
  <h2 id="s-guardians">Vårdnadshavare</h2>
  <table class="timeline" id="guardians">
    <caption class="visually-hidden">Vårdnadshavarna i ärendet och om de är blockerade</caption>
    <thead><tr><th scope="col">Personnummer</th><th scope="col">Blockerad</th></tr></thead>
    <tbody>${b.guardians.map((g) => html`<tr><td>${g.personnummer}</td><td>${g.blocked ? 'Ja' : 'Nej'}</td></tr>`)}</tbody>
  </table>
</section>

<section aria-labelledby="s-facts" class="panel">
  <h2 id="s-facts">Uppgifter</h2>
  <dl class="facts">
    <dt>Diarienummer</dt><dd>${b.registryNumber}</dd>
    <dt>Begärande enhet</dt><dd>${b.requestingUnit.name} (${b.requestingUnit.hsaId})</dd>
    <dt>Barnets inloggning</dt><dd id="linked-lock">${b.linkedLock
      ? html`Låses som eget ärende: ${o.mayOpenCase ? html`<a href="/arenden/${b.linkedLock.caseId}">${b.linkedLock.registryNumber}</a>` : html`${b.linkedLock.registryNumber} <span class="muted">(handläggs av servicedesken)</span>`}`
      : 'Inget eget ärende'}</dd>
    <dt>Bekräftelse skickad</dt><dd>${b.confirmationSentAt ? swedishTime(b.confirmationSentAt) : 'Inte än'}</dd>
    <dt>Registrerad</dt><dd>${swedishTime(b.createdAt)}</dd>
    <dt>Senast ändrad</dt><dd>${swedishTime(b.updatedAt)}</dd>
  </dl>
  ${b.effects.length > 0 ? html`<h3>Vad blockeringen innebär</h3><ul>${b.effects.map((e) => html`<li>${e}</li>`)}</ul>` : null}
</section>
</div>

<section aria-labelledby="s-ehr" class="panel">
  <h2 id="s-ehr">Journalanteckning</h2>
  ${ehrNoteField('ehr-note', 'Utkast till journalanteckning om blockeringen', b.ehrNote)}
  ${b.unblock ? ehrNoteField('ehr-note-unblock', 'Utkast till journalanteckning om borttagandet', b.unblock.ehrNote) : null}
</section>

<section aria-labelledby="s-tasks" class="panel" id="uppgifter">
  <h2 id="s-tasks">Uppföljningsuppgifter</h2>
  ${b.tasks.length === 0 ? html`<p>Inga uppgifter.</p>` : null}
  <p>${openTasks.length === 0 ? 'Alla uppgifter är klara.' : `${openTasks.length} av ${b.tasks.length} uppgifter återstår.`}</p>
  <ul class="tasks">
  ${b.tasks.map((t) => html`<li class="task" id="task-${t.id}">
    <h3 id="task-${t.id}-title">${t.title}</h3>
    ${t.status === 'DONE'
      ? html`<p><strong>Klar</strong> ${t.doneAt ? swedishTime(t.doneAt) : null}${t.doneBy ? html` av ${t.doneBy}` : null}${t.note ? html` · ${t.note}` : null}</p>`
      : o.mayDoTasks
        ? html`<form method="post" action="/vardnadshavare/${b.id}/uppgifter/${t.id}" aria-labelledby="task-${t.id}-title">
      ${csrfField(o.csrfToken)}
      <div class="field">
        <label for="f-note-${t.id}">Anteckning <span class="muted">(frivilligt)</span></label>
        <input class="input long" id="f-note-${t.id}" name="note" type="text" autocomplete="off">
      </div>
      <button type="submit" class="button" aria-describedby="task-${t.id}-title">Markera som klar</button>
    </form>`
        : html`<p>Inte klar.</p>`}
  </li>`)}
  </ul>
</section>

${b.unblock
  ? html`<section aria-labelledby="s-unblock" class="panel">
  <h2 id="s-unblock">Borttagande av blockering (R19)</h2>
  <dl class="facts">
    <dt>Begärt</dt><dd>${swedishTime(b.unblock.requestedAt)}</dd>
    <dt>Hotbilden kontrollerad</dt><dd>${swedishTime(b.unblock.threatCheck.checkedAt)}</dd>
    <dt>Kontrollen</dt><dd>${b.unblock.threatCheck.summary}</dd>
  </dl>
</section>`
  : null}

<section aria-labelledby="s-timeline" class="panel">
  <h2 id="s-timeline">Tidslinje</h2>
  <table class="timeline">
    <caption class="visually-hidden">Blockeringens steg, äldst först</caption>
    <thead><tr><th scope="col">Tid</th><th scope="col">Status</th><th scope="col">Av</th><th scope="col">Anteckning</th></tr></thead>
    <tbody>
      ${b.timeline.map((t) => html`<tr><td>${swedishTime(t.at)}</td><td>${GUARDIAN_BLOCK_STATUS_LABELS[t.status] ?? t.status}</td><td>${t.by.startsWith('system:') ? 'Systemet' : t.by}</td><td>${t.note}</td></tr>`)}
    </tbody>
  </table>
</section>`;
}
