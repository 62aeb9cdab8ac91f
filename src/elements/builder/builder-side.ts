import { html, nothing } from 'lit';
import { Download, FlaskConical, Import, Save, Trash2 } from '../icons/lucide.js';
import type { IconShape } from '../../core/index.js';
import { renderIcon } from '../icons/icon.js';
import type { Draft } from './builder-draft.js';
import { textArea } from './builder-fields.js';

/** The test run's sample inputs (JSON text per input row id) and its last result. */
export interface TestRun {
  samples: Record<number, string>;
  busy?: boolean;
  result?: { outputs: Record<string, unknown> } | { error: string };
}

const icon = (shapes: unknown) => renderIcon(shapes as readonly IconShape[]);

/** Sample input per input port, a Run test button, and the outputs (as JSON text) or the error. */
export function renderTestRun(draft: Draft, run: TestRun, set: (run: TestRun) => void, test: () => void) {
  const result = run.result;
  return html`<section class="nb-section" aria-labelledby="nb-test-title">
    <h3 id="nb-test-title">Test run</h3>
    <p class="nb-hint">Sample inputs as JSON; the config is the preview inspector's.</p>
    ${draft.inputs.map((row) =>
      textArea({ id: `nb-sample-${row.id}`, label: `Input ${row.name}` }, run.samples[row.id] ?? '', (v) => set({ ...run, samples: { ...run.samples, [row.id]: v } }), 'nb-code'),
    )}
    <button type="button" class="nb-button" id="nb-run" ?disabled=${run.busy} @click=${test}>${icon(FlaskConical)}<span>Run test</span></button>
    <div class="nb-result" role="status" aria-live="polite" aria-label="Test result">
      ${result === undefined
        ? nothing
        : 'error' in result
          ? html`<p class="nb-error">${result.error}</p>`
          : html`<dl>${Object.entries(result.outputs).map(([name, value]) => html`<dt>${name}</dt><dd><code data-output=${name}>${JSON.stringify(value) ?? 'undefined'}</code></dd>`)}</dl>`}
    </div>
  </section>`;
}

export interface Actions {
  status: string;
  alert: string;
  save(): void;
  exportPack(): void;
  importPack(url: string): void;
  /** Deletes the saved type being edited (absent for a new one); `confirming` after the first press. */
  remove?: () => void;
  confirming?: boolean;
  /** The saved type being edited when the draft's id differs from it: Save then makes a new type beside it. */
  copyOf?: string;
}

/** The footer: status and refusal messages, import by URL, Delete (a saved type), Export and Save. */
export function renderActions(a: Actions) {
  const url = (e: Event) => (e.currentTarget as HTMLElement).parentElement!.querySelector('input')!.value.trim();
  return html`<footer class="nb-foot">
    <div class="nb-messages">
      <p class="nb-status" role="status">${a.status}</p>
      <p class="nb-alert" role="alert">${a.alert}</p>
    </div>
    <div class="nb-import">
      <label for="nb-import-url">Import a node pack by URL</label>
      <input id="nb-import-url" type="url" placeholder="https://…/pack.json" @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), a.importPack(url(e)))} />
      <button type="button" class="nb-button" id="nb-import" @click=${(e: Event) => a.importPack(url(e))}>${icon(Import)}<span>Import</span></button>
    </div>
    <div class="nb-buttons">
      ${a.remove
        ? html`<button type="button" class="nb-button" id="nb-delete" @click=${a.remove}>${icon(Trash2)}<span>${a.confirming ? 'Confirm delete' : 'Delete type'}</span></button>`
        : nothing}
      <button type="button" class="nb-button" id="nb-export" @click=${a.exportPack}>${icon(Download)}<span>Export</span></button>
      <button type="button" class="nb-button nb-primary" id="nb-save" title=${a.copyOf ? `${a.copyOf} stays as it is` : nothing} @click=${a.save}>${icon(Save)}<span>${a.copyOf ? 'Save as new type' : 'Save'}</span></button>
    </div>
  </footer>`;
}
