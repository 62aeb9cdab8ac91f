import { html, nothing } from 'lit';
import { adoptStyles } from '../shared/adopt-styles.js';
import type { EditorHost } from './editor-host.js';

type BuilderModule = typeof import('../builder/builder.js');

/**
 * Opens the visual node builder (its own chunk, loaded on the first open) over the editor:
 * empty for a new type, or filled with a builder-made type to edit it. The builder renders in
 * the editor's shadow root, so it wears the editor's theme and node styles.
 */
export class BuilderLauncher {
  private _module: BuilderModule | undefined;
  private _open: { type?: string } | undefined;

  constructor(private _editor: EditorHost) {}

  /** Whether the builder is open. */
  get isOpen(): boolean {
    return !!this._open;
  }

  /** Opens the builder; with `type`, to edit that builder-made type. */
  async open(type?: string): Promise<void> {
    try {
      this._module ??= await import('../builder/builder.js');
    } catch (error) {
      return this._editor.reportError(error, 'builder');
    }
    adoptStyles(this._editor.renderRoot, this._module.builderStyles);
    this._open = { type };
    this._editor.requestUpdate();
  }

  private _close = () => {
    this._open = undefined;
    this._editor.requestUpdate();
    void this._editor.updateComplete.then(() => this._editor.canvas?.focus({ preventScroll: true }));
  };

  render() {
    if (!this._open || !this._module) return nothing;
    return html`<v2u-node-builder .host=${this._editor} .editType=${this._open.type} @v2u-builder-close=${this._close}></v2u-node-builder>`;
  }
}
