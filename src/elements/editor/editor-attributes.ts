import { LitElement, type PropertyDeclarations } from 'lit';

/**
 * The options of `<v2u-editor>`, settable as attributes or properties, with their
 * defaults. Kept apart from the element so the element reads as what the editor does.
 */
export class EditorAttributes extends LitElement {
  // Declared here rather than with decorators: the same metadata, less code in the entry.
  static override properties: PropertyDeclarations = {
    value: { noAccessor: true },
    name: { reflect: true },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    theme: { reflect: true },
    snapToGrid: { type: Boolean, reflect: true, attribute: 'snap-to-grid' },
    minZoom: { type: Number, attribute: 'min-zoom' },
    maxZoom: { type: Number, attribute: 'max-zoom' },
    library: {},
    noLibrary: { type: Boolean, attribute: 'no-library' },
    noPalette: { type: Boolean, reflect: true, attribute: 'no-palette' },
    noAutoRun: { type: Boolean, attribute: 'no-auto-run' },
    workerUrl: { attribute: 'worker-url' },
    allowedOrigins: { attribute: 'allowed-origins' },
    poolSize: { type: Number, attribute: 'pool-size' },
    required: { type: Boolean, reflect: true },
    src: {},
    storageKey: { attribute: 'storage-key' },
    boxMode: { type: Boolean, attribute: 'box-select' },
  };

  /** The form field name under which the graph JSON is submitted. */
  name = '';

  /** View, pan, zoom and select, but no edits. */
  readonly = false;

  /** Greys out the editor and excludes it from form submission; no edits. */
  disabled = false;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark';

  /** Snap dragged nodes to a 20 px grid. */
  snapToGrid = false;

  /** Smallest zoom factor. */
  minZoom = 0.1;

  /** Largest zoom factor. */
  maxZoom = 2.5;

  /** URL of a node library's bundle index; the built-in library next to the script by default. */
  library?: string;

  /** Do not load the built-in (or `library`) node library: only types you register, and those made in the node builder. */
  noLibrary = false;

  /** Hide the palette of node types. */
  noPalette = false;

  /** Do not run dirty nodes by themselves after an edit; `run()` and the Run button still work. */
  noAutoRun = false;

  /** URL of the pool's worker script on the page's own origin, when the default cannot be used. */
  workerUrl?: string;

  /**
   * Origins (space- or comma-separated, or `*`) that network nodes such as HTTP request may
   * call besides the page's own. Only the host page sets this; a loaded graph cannot.
   */
  allowedOrigins?: string;

  /**
   * Workers in the page's shared pool (default `min(8, hardwareConcurrency)`); 0 runs node
   * logic on the main thread, yielding. A change lets the current pool go (results so far run
   * again); a pool other editors still use keeps the size it was made with.
   */
  poolSize?: number;

  /** In a form: an empty graph is invalid ("Add at least one node"). */
  required = false;

  /** URL of a graph JSON to load when no `value` or inline JSON is given. */
  src?: string;

  /**
   * Autosave key: every change is saved to IndexedDB under it, and a draft left by a crash
   * or reload is offered back. Editors with the same key in two tabs never overwrite each
   * other silently.
   */
  storageKey?: string;

  /** Background drags draw a selection box instead of panning (the toolbar toggles it). */
  boxMode = false;

  /** Alias of `readonly` for frameworks that bind DOM-style names (Angular's `[readonly]`). */
  get readOnly(): boolean {
    return this.readonly;
  }

  set readOnly(value: boolean) {
    this.readonly = value;
  }
}
