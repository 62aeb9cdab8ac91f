import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ErrorCodes, V2uError, createDocument, serializeDocument, type GraphDocument, type GraphStore } from '../../core/index.js';

/** What document loading needs from its editor. */
export interface DocumentHost extends ReactiveControllerHost, HTMLElement {
  readonly store: GraphStore;
  readonly src?: string;
  reportError(error: unknown, source: string): void;
}

/**
 * Where the graph comes from: the `value` attribute, an inline
 * `<script type="application/json">` child, or `src`; loads from code (`value`, `graph`,
 * `importGraph`), and the page's own graph that a form reset goes back to. Bad input is
 * reported as `v2u-error` and leaves the current graph as it was.
 */
export class DocumentController implements ReactiveController {
  /** The graph the page gave (attribute, inline JSON or `src`): what a form reset restores. */
  private _initial: string | undefined;
  private _srcLoad: AbortController | undefined;
  private _loading: Promise<void> = Promise.resolve();

  constructor(private readonly _host: DocumentHost) {
    _host.addController(this);
  }

  /** The first graph: the `value` attribute, else inline JSON, else `src` (once per element). */
  hostConnected(): void {
    if (this._initial !== undefined) return;
    const attribute = this._host.getAttribute('value');
    const inline = this._host.querySelector(':scope > script[type="application/json"]')?.textContent;
    if (attribute) this._initial = attribute;
    else if (inline?.trim()) {
      this._initial = inline;
      this.tryLoad(inline, 'inline');
    } else if (this._host.src) this.loadSrc(this._host.src);
  }

  hostDisconnected(): void {
    this._srcLoad?.abort();
  }

  /** Resolves when the graph from `src`, if one is loading, is in (or failed, reported). */
  get loaded(): Promise<void> {
    return this._loading;
  }

  /** Fetches and loads a graph; a newer call or a removal cancels an older one. */
  loadSrc(url: string): void {
    this._loading = this._fetchSrc(url);
  }

  private async _fetchSrc(url: string): Promise<void> {
    this._srcLoad?.abort();
    const controller = (this._srcLoad = new AbortController());
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) throw new V2uError(ErrorCodes.loadFailed, `could not load ${url}: HTTP ${response.status}`, url);
      const text = await response.text();
      if (controller.signal.aborted) return;
      this._initial = text;
      this.tryLoad(text, 'src');
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this._host.reportError(error, 'src');
    }
  }

  /** Form reset: back to the graph the page gave, or an empty one. */
  reset(): void {
    this.tryLoad(this._host.getAttribute('value') || this._initial || serializeDocument(createDocument()), 'reset');
  }

  /** Loads, reporting bad input without throwing; the current graph stays. */
  tryLoad(input: GraphDocument | string, source: string): void {
    try {
      this.load(input, source);
    } catch {
      // load() already reported it.
    }
  }

  /** Validates and loads in one pass (the store parses; parsing twice doubled a large graph's load). */
  load(input: GraphDocument | string, source: string): void {
    try {
      this._host.store.load(input);
    } catch (error) {
      this._host.reportError(error, source);
      throw error;
    }
  }
}
