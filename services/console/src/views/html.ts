/**
 * Templates are TypeScript functions that return `html` tagged templates: every interpolated value
 * is escaped unless it is itself `html` (or an array of it), so markup can only come from code and a
 * value from the API or a form can never become markup. No template language, no dependency, and the
 * compiler checks what each page is given.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A value a template may hold: text is escaped, `html` is kept, nothing (null, undefined, false) is left out. */
export type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] as string);
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] as string;
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] as string);
  });
  return new SafeHtml(out);
}

/** Markup that is already safe (a constant of the code); never for text that came from outside. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
