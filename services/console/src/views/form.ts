import { SafeHtml, html } from './html';

// Form parts every page uses: a label for every control, its hint and error tied to it with
// aria-describedby, aria-invalid on a field in error, and an error summary that links to the fields.
// A field's name is the request's JSON path (`decision.motivation`), so the gateway's problems find it.

/** The id of a field's control, from its name: `decision.motivation` → `f-decision-motivation`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export interface FieldOptions {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  required?: boolean;
  /** Characters shown; a width, not a limit. */
  width?: 'short' | 'medium' | 'long';
  inputmode?: 'numeric' | 'text' | 'email';
}

function describedBy(name: string, hint?: string, error?: string): string | null {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : null;
}

function hintAndError(name: string, hint?: string, error?: string): SafeHtml {
  return html`${hint ? html`<p class="hint" id="${fieldId(name)}-hint">${hint}</p>` : null}${error
    ? html`<p class="field-error" id="${fieldId(name)}-error"><span class="visually-hidden">Fel: </span>${error}</p>`
    : null}`;
}

function attrs(o: { describedBy: string | null; error?: string; required?: boolean }): SafeHtml {
  return html`${o.describedBy ? html` aria-describedby="${o.describedBy}"` : null}${o.error ? html` aria-invalid="true"` : null}${o.required ? html` required` : null}`;
}

export function textField(o: FieldOptions): SafeHtml {
  const id = fieldId(o.name);
  return html`<div class="field${o.error ? ' has-error' : ''}">
  <label for="${id}">${o.label}${o.required ? null : html` <span class="muted">(frivilligt)</span>`}</label>
  ${hintAndError(o.name, o.hint, o.error)}
  <input class="input ${o.width ?? 'long'}" id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}${o.inputmode ? html` inputmode="${o.inputmode}"` : null}${attrs({ describedBy: describedBy(o.name, o.hint, o.error), error: o.error, required: o.required })}>
</div>`;
}

export function textArea(o: Omit<FieldOptions, 'type' | 'width' | 'inputmode'>): SafeHtml {
  const id = fieldId(o.name);
  return html`<div class="field${o.error ? ' has-error' : ''}">
  <label for="${id}">${o.label}${o.required ? null : html` <span class="muted">(frivilligt)</span>`}</label>
  ${hintAndError(o.name, o.hint, o.error)}
  <textarea class="input long" id="${id}" name="${o.name}" rows="4"${attrs({ describedBy: describedBy(o.name, o.hint, o.error), error: o.error, required: o.required })}>${o.value ?? ''}</textarea>
</div>`;
}

export function selectField(o: Omit<FieldOptions, 'type' | 'width' | 'inputmode'> & { options: Record<string, string> }): SafeHtml {
  const id = fieldId(o.name);
  return html`<div class="field${o.error ? ' has-error' : ''}">
  <label for="${id}">${o.label}</label>
  ${hintAndError(o.name, o.hint, o.error)}
  <select class="input" id="${id}" name="${o.name}"${attrs({ describedBy: describedBy(o.name, o.hint, o.error), error: o.error, required: o.required })}>
    ${Object.entries(o.options).map(([value, text]) => html`<option value="${value}"${value === o.value ? html` selected` : null}>${text}</option>`)}
  </select>
</div>`;
}

/** Radios or checkboxes in a fieldset whose legend is the question; the first option carries the field's id. */
export function choiceGroup(
  o: { name: string; legend: string; hint?: string; error?: string; options: Record<string, string>; multiple?: boolean; values: readonly string[] },
): SafeHtml {
  const type = o.multiple ? 'checkbox' : 'radio';
  const by = describedBy(o.name, o.hint, o.error);
  return html`<div class="field${o.error ? ' has-error' : ''}">
<fieldset${by ? html` aria-describedby="${by}"` : null}>
  <legend>${o.legend}</legend>
  ${hintAndError(o.name, o.hint, o.error)}
  ${Object.entries(o.options).map(([value, text], i) => {
    const id = i === 0 ? fieldId(o.name) : `${fieldId(o.name)}-${i}`;
    return html`<div class="choice"><input type="${type}" id="${id}" name="${o.name}" value="${value}"${o.values.includes(value) ? html` checked` : null}><label for="${id}">${text}</label></div>`;
  })}
</fieldset>
</div>`;
}

/** At the top of a form in error: focusable, announced, each error a link to its field. */
export function errorSummary(errors: Record<string, string>, general: readonly string[], labels: Readonly<Record<string, string>>): SafeHtml | null {
  const entries = Object.entries(errors);
  if (entries.length === 0 && general.length === 0) return null;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" data-autofocus>
  <h2 id="error-summary-title">Det finns fel i formuläret</h2>
  <ul>
    ${general.map((text) => html`<li>${text}</li>`)}
    ${entries.map(([name, text]) => html`<li><a href="#${fieldId(name)}">${labels[name] ?? name}: ${text}</a></li>`)}
  </ul>
</div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
