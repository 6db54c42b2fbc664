import { SYSTEM_QUEUES } from '@accessdesk/contracts';
import type { DeadLetterListView, DeadLetterView } from '@accessdesk/contracts';
import { FormProblems } from '../../gateway/problem-messages';
import { csrfField, errorSummary, fieldId, selectField, textField } from '../../views/form';
import { SafeHtml, html } from '../../views/html';
import { swedishTime } from '../../views/labels';
import { DLQ_PATH, DeadLetterFilterValues, FILTER_FIELDS, PURGE_PATH, QUEUE_LABELS, REPLAY_PATH, isPurgeable, reasonSummary } from './dead-letters.form';

/** What was just done, told on the list after the redirect (role="status"). */
export interface DoneNotice {
  replayed?: number;
  purged?: number;
  queue?: string;
}

function queueName(queue: string): SafeHtml {
  return html`${QUEUE_LABELS[queue] ?? queue} <span class="muted">(<code>${queue}</code>)</span>`;
}

function detailLink(letter: DeadLetterView): string {
  return `${DLQ_PATH}/meddelande/${encodeURIComponent(letter.messageId ?? '')}`;
}

/** Why, in Swedish, with the system's own words beside it (in English, marked as such). */
function reasonView(reason: string | null): SafeHtml {
  return html`${reasonSummary(reason)}${reason ? html`<br><span class="muted" lang="en">${reason}</span>` : null}`;
}

function doneView(done: DoneNotice): SafeHtml | null {
  if (done.replayed !== undefined) {
    return html`<div class="notice" role="status"><p>${done.replayed === 0
      ? 'Inget meddelande skickades tillbaka: inget matchade längre (det kan redan ha skickats tillbaka).'
      : `${done.replayed} ${done.replayed === 1 ? 'meddelande skickades' : 'meddelanden skickades'} tillbaka till ${done.replayed === 1 ? 'sin kö' : 'sina köer'}. Mottagaren hanterar ${done.replayed === 1 ? 'det' : 'dem'} nu; ett meddelande som fortfarande inte går att hantera kommer tillbaka hit.`}</p></div>`;
  }
  if (done.purged !== undefined) {
    return html`<div class="notice" role="status"><p>${done.purged} ${done.purged === 1 ? 'dött meddelande togs bort' : 'döda meddelanden togs bort'} för gott${done.queue ? html` ur ${queueName(done.queue)}` : null}.</p></div>`;
  }
  return null;
}

/** The list: every dead-letter queue with its count, the filter, and the letters that match. */
export function deadLettersView(list: DeadLetterListView, filter: DeadLetterFilterValues, problems: FormProblems, done: DoneNotice): SafeHtml {
  const total = list.queues.reduce((n, q) => n + q.deadLetters, 0);
  return html`<h1>Döda meddelanden</h1>
<p class="lead">Meddelanden som en tjänst inte kunde hantera: ogiltiga, eller som misslyckades på samma sätt gång på gång. De ligger kvar i sin kös dead letter-kö tills någon skickar tillbaka dem eller, för frågor vars avsändare inte längre väntar, tar bort dem. Varje läsning och åtgärd loggas.</p>
${doneView(done)}
${errorSummary(problems.fields, problems.general, FILTER_FIELDS)}
<section aria-labelledby="s-queues" class="panel">
<h2 id="s-queues">Köerna</h2>
<p>${total === 0 ? 'Inga döda meddelanden i någon kö.' : `${total} ${total === 1 ? 'dött meddelande' : 'döda meddelanden'} sammanlagt.`}</p>
<div class="table-scroll"><table class="records" id="dlq-queues">
  <caption class="visually-hidden">Döda meddelanden per kö</caption>
  <thead><tr><th scope="col">Kö</th><th scope="col">Döda meddelanden</th><th scope="col">Åtgärder</th></tr></thead>
  <tbody>
    ${list.queues.map((q) => html`<tr><th scope="row">${queueName(q.queue)}</th><td>${q.deadLetters}</td><td>${q.deadLetters > 0
      ? html`<a href="${REPLAY_PATH}?queue=${encodeURIComponent(q.queue)}">Skicka tillbaka alla<span class="visually-hidden"> i ${q.queue}</span></a>${isPurgeable(q.queue) ? html` · <a href="${PURGE_PATH}?queue=${encodeURIComponent(q.queue)}">Ta bort alla<span class="visually-hidden"> i ${q.queue}</span></a>` : null}`
      : '–'}</td></tr>`)}
  </tbody>
</table></div>
</section>
<section aria-labelledby="s-letters" class="panel">
<h2 id="s-letters">Meddelandena</h2>
<form method="get" action="${DLQ_PATH}" class="filter-form" novalidate>
<fieldset><legend>Visa bara</legend>
${selectField({ name: 'queue', label: FILTER_FIELDS.queue, value: filter.queue ?? '', error: problems.fields.queue, options: { '': 'Alla köer', ...Object.fromEntries(SYSTEM_QUEUES.map((q) => [q, q])) } })}
${textField({ name: 'type', label: FILTER_FIELDS.type, value: filter.type ?? '', error: problems.fields.type, hint: 'Till exempel intake.case.received.v1', width: 'medium', autocomplete: 'off' })}
${textField({ name: 'caseId', label: FILTER_FIELDS.caseId, value: filter.caseId ?? '', error: problems.fields.caseId, width: 'medium', autocomplete: 'off' })}
</fieldset>
<p><button type="submit" class="button">Visa</button></p>
</form>
${list.truncated ? html`<div class="notice" role="status" id="dlq-truncated"><p><strong>Listan är avkortad:</strong> fler meddelanden matchar än vad som visas (${list.items.length}). Smalna av med kö, meddelandetyp eller ärende för att se resten.</p></div>` : null}
${list.items.length === 0
  ? html`<p id="dlq-empty">Inga döda meddelanden matchar.</p>`
  : html`<div class="table-scroll"><table class="records" id="dlq-letters">
  <caption class="visually-hidden">Döda meddelanden, per kö</caption>
  <thead><tr><th scope="col">Meddelande</th><th scope="col">Kö</th><th scope="col">Orsak</th><th scope="col">Hamnade här</th><th scope="col">Försök</th></tr></thead>
  <tbody>
    ${list.items.map((d) => html`<tr>
      <td>${d.messageId ? html`<a href="${detailLink(d)}">${d.type ?? 'Okänd typ'}</a>` : html`${d.type ?? 'Okänd typ'}`}<br><span class="muted id">Id: ${d.messageId ?? 'saknas'}</span>${d.caseId ? html`<br><span class="muted id">Ärende: ${d.caseId}</span>` : null}</td>
      <td class="nowrap"><code>${d.queue}</code></td>
      <td>${reasonView(d.reason)}</td>
      <td class="nowrap">${d.diedAt ? swedishTime(d.diedAt) : 'Okänt'}</td>
      <td>${d.failures ?? '–'}${d.deaths > 1 ? html`<br><span class="muted">död ${d.deaths} gånger</span>` : null}</td>
    </tr>`)}
  </tbody>
</table></div>`}
</section>`;
}

function factsView(d: DeadLetterView): SafeHtml {
  return html`<dl class="facts">
  <dt>Meddelandetyp</dt><dd>${d.type ?? 'Okänd'}</dd>
  <dt>Meddelande-id</dt><dd>${d.messageId ?? 'Saknas'}</dd>
  <dt>Kö</dt><dd>${queueName(d.queue)}</dd>
  <dt>Orsak</dt><dd>${reasonView(d.reason)}</dd>
  <dt>Hamnade här</dt><dd>${d.diedAt ? swedishTime(d.diedAt) : 'Okänt'}</dd>
  <dt>Misslyckade försök</dt><dd>${d.failures ?? 'Okänt'}</dd>
  <dt>Gånger i dead letter-kön</dt><dd>${d.deaths}</dd>
  <dt>Ärende</dt><dd>${d.caseId ?? 'Inget'}</dd>
  <dt>Region</dt><dd>${d.region ?? 'Okänd'}</dd>
</dl>`;
}

/** One letter: its facts, the masked envelope, and the way to send it back. */
export function deadLetterView(d: DeadLetterView, envelope: unknown): SafeHtml {
  return html`<h1>Dött meddelande</h1>
<p class="lead">${d.type ?? 'Okänd typ'} i <code>${d.queue}</code></p>
${factsView(d)}
<section aria-labelledby="s-envelope" class="panel">
<h2 id="s-envelope">Meddelandet</h2>
<p>Kuvertet som det skickades. Varje personnummer är maskerat.</p>
<pre class="envelope" tabindex="0" role="region" aria-label="Meddelandets kuvert">${JSON.stringify(envelope, null, 2)}</pre>
</section>
<section aria-labelledby="s-actions" class="panel">
<h2 id="s-actions">Åtgärder</h2>
<p>Är felet som stoppade meddelandet åtgärdat kan det skickas tillbaka till kön det kom från. Mottagaren känner igen ett meddelande den redan har hanterat, så det gör ingen skada att skicka det igen.</p>
${d.messageId ? html`<p><a class="button" href="${REPLAY_PATH}?messageId=${encodeURIComponent(d.messageId)}">Skicka tillbaka …</a></p>` : null}
<p><a href="${DLQ_PATH}">Tillbaka till döda meddelanden</a></p>
</section>`;
}

/** The replay's confirmation: what goes back, and a POST form. */
export function replayConfirmView(letters: readonly DeadLetterView[], selection: { messageIds: string[] } | { queue: string }, csrfToken: string): SafeHtml {
  const one = letters.length === 1;
  return html`<h1>Skicka tillbaka ${one ? 'meddelandet' : 'meddelandena'}?</h1>
<p class="lead">${one ? 'Meddelandet skickas' : `De ${letters.length} meddelandena skickas`} tillbaka till ${'queue' in selection ? html`${queueName(selection.queue)}` : 'kön det kom från'} och hanteras på nytt. Ett meddelande som fortfarande inte går att hantera hamnar här igen.</p>
<div class="table-scroll"><table class="records" id="replay-letters">
  <caption class="visually-hidden">Meddelanden som skickas tillbaka</caption>
  <thead><tr><th scope="col">Meddelande</th><th scope="col">Kö</th><th scope="col">Orsak</th><th scope="col">Hamnade här</th></tr></thead>
  <tbody>${letters.map((d) => html`<tr><td>${d.type ?? 'Okänd typ'}<br><span class="muted">${d.messageId ?? 'utan id'}</span></td><td><code>${d.queue}</code></td><td>${reasonView(d.reason)}</td><td>${d.diedAt ? swedishTime(d.diedAt) : 'Okänt'}</td></tr>`)}</tbody>
</table></div>
<form method="post" action="${REPLAY_PATH}">
${csrfField(csrfToken)}
${'queue' in selection ? html`<input type="hidden" name="queue" value="${selection.queue}">` : html`<input type="hidden" name="messageId" value="${selection.messageIds[0] ?? ''}">`}
<p><button type="submit" class="button">Ja, skicka tillbaka</button> <a href="${DLQ_PATH}" class="cancel-link">Avbryt</a></p>
</form>`;
}

/** The purge's confirmation: destructive, so the operator ticks that they understand before the button does anything. */
export function purgeConfirmView(queue: string, count: number, error: string | undefined, csrfToken: string): SafeHtml {
  const name = 'confirm';
  return html`<h1>Ta bort döda meddelanden för gott?</h1>
${error ? errorSummary({ [name]: error }, [], { [name]: 'Bekräftelse' }) : null}
<div class="warning"><p><strong>Det här går inte att ångra.</strong> ${count} ${count === 1 ? 'dött meddelande' : 'döda meddelanden'} i ${queueName(queue)} tas bort och kan inte skickas tillbaka. Det är frågor vars avsändare har slutat vänta på svar; ärendena de gällde påverkas inte.</p></div>
<form method="post" action="${PURGE_PATH}" novalidate>
${csrfField(csrfToken)}
<input type="hidden" name="queue" value="${queue}">
<div class="field${error ? ' has-error' : ''}">
<fieldset${error ? html` aria-describedby="${fieldId(name)}-error"` : null}>
  <legend>Bekräftelse</legend>
  ${error ? html`<p class="field-error" id="${fieldId(name)}-error"><span class="visually-hidden">Fel: </span>${error}</p>` : null}
  <div class="choice"><input type="checkbox" id="${fieldId(name)}" name="${name}" value="ja"${error ? html` aria-invalid="true"` : null}><label for="${fieldId(name)}">Jag förstår att meddelandena tas bort för gott</label></div>
</fieldset>
</div>
<p><button type="submit" class="button danger">Ta bort för gott</button> <a href="${DLQ_PATH}" class="cancel-link">Avbryt</a></p>
</form>`;
}
