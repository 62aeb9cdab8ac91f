import { html, nothing } from 'lit';
import { formatDuration } from '../../core/engine/preview.js';
import type { NodeView } from '../run/run-controller.js';

/**
 * A node's run status as the shell shows it: a badge, the duration, a progress bar while it
 * runs, and one line of output preview, or the error message. All text bindings: user
 * data stays text.
 */
export function renderNodeStatus(state: NodeView) {
  const { status } = state;
  const detail = status === 'error' ? (state.error?.message ?? 'failed') : previewText(state);
  return html`<div class="status-line">
      <span class="badge ${status}" part="status-badge">${status}</span>
      ${state.durationMs !== undefined && status !== 'running' ? html`<span class="duration">${formatDuration(state.durationMs)}</span>` : nothing}
      ${status === 'running'
        ? html`<progress part="progress" max="1" .value=${state.progress} aria-label="Progress"></progress>`
        : nothing}
    </div>
    ${detail ? html`<div class="preview ${status === 'error' ? 'error' : ''}" part="node-preview" title=${detail}>${detail}</div>` : nothing}`;
}

function previewText(state: NodeView): string {
  const p = state.preview;
  if (!p || p.kind === 'empty') return '';
  if (p.kind === 'value') return p.text;
  const head = p.rows[0]?.map((cell, i) => `${p.columns[i]}: ${cell}`).join(', ') ?? '';
  return `${p.totalRows} row${p.totalRows === 1 ? '' : 's'}${head ? ` · ${head}` : ''}`;
}

/** A digest of what the status shows, so a node re-renders only when it changes. */
export function statusKey(state: NodeView): string {
  return `${state.status}|${state.progress}|${state.durationMs ?? ''}|${state.error?.message ?? ''}|${state.preview ? JSON.stringify(state.preview) : ''}`;
}
