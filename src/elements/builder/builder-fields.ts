import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** What every builder control needs: its id (error lookup, label), its label, and its error if any. */
export interface Control {
  id: string;
  label: string;
  error?: string;
  /** A hint under the control. */
  hint?: string;
}

/**
 * A labelled control with its error beside it: the control is `aria-invalid` and described by
 * the message, so a screen reader says which field is wrong and why. Every string is bound
 * as text, never parsed as markup.
 */
export function field(c: Control, control: TemplateResult, className = '') {
  return html`<div class="nb-field ${className}">
    <label for=${c.id}>${c.label}</label>
    ${control}
    ${c.hint ? html`<small class="nb-hint" id="${c.id}-hint">${c.hint}</small>` : nothing}
    ${c.error ? html`<small class="nb-error" id="${c.id}-error">${c.error}</small>` : nothing}
  </div>`;
}

const described = (c: Control) => [c.error ? `${c.id}-error` : '', c.hint ? `${c.id}-hint` : ''].filter(Boolean).join(' ') || nothing;

export function textInput(c: Control, value: string, onInput: (value: string) => void, extra: { placeholder?: string; className?: string } = {}) {
  return field(
    c,
    html`<input id=${c.id} type="text" spellcheck="false" .value=${live(value)} placeholder=${extra.placeholder ?? nothing}
      aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${described(c)}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />`,
    extra.className,
  );
}

export function textArea(c: Control, value: string, onInput: (value: string) => void, className = '') {
  return field(
    c,
    html`<textarea id=${c.id} spellcheck="false" rows="2" .value=${live(value)} aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${described(c)}
      @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>`,
    className,
  );
}

/** A select of `options` (`[value, text]`); a value not among them is shown as its own option, so nothing is lost. */
export function select(c: Control, value: string, options: ReadonlyArray<readonly [string, string]>, onChange: (value: string) => void, className = '') {
  const all = options.some(([v]) => v === value) ? options : [[value, value] as const, ...options];
  return field(
    c,
    html`<select id=${c.id} aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${described(c)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${all.map(([v, text]) => html`<option .value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>`,
    className,
  );
}
