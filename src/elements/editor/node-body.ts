import { html, nothing } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';
import type { GraphNode } from '../../core/index.js';
import type { LazyElementLoader } from '../../runtime/lazy-element-loader.js';
import type { OutputRef } from '../../core/engine/output-ref.js';

/** What a node type's own element receives. */
export interface NodeElementProps {
  node: GraphNode;
  config: Record<string, unknown>;
  /** The node's latest output, once it has run. */
  data?: unknown;
  /** Reads items `from` to `to` of an output kept in a worker (`OutputRef`): a view pages through it. */
  readItems?: (ref: OutputRef, from: number, to: number) => Promise<unknown[]>;
}

/**
 * Renders a custom element by tag name and sets its properties; the element is created
 * once per tag and reused, so a re-render never resets its inner state.
 */
class NodeElementDirective extends Directive {
  private _tag = '';
  private _element: HTMLElement | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('nodeElement goes in a child position');
  }

  render(_tag: string, _props: NodeElementProps) {
    return nothing;
  }

  override update(_part: ChildPart, [tag, props]: [string, NodeElementProps]) {
    if (tag !== this._tag || !this._element) {
      this._tag = tag;
      this._element = document.createElement(tag);
      this._element.setAttribute('part', 'node-element');
    }
    Object.assign(this._element, props);
    return this._element;
  }
}

const nodeElement = directive(NodeElementDirective);

/**
 * The body of a node whose type has its own element: the element once defined, an error
 * with a retry button when its code failed to load, else a quiet placeholder of the same
 * size, so the upgrade causes no layout jump.
 */
export function renderNodeBody(node: GraphNode, loader: LazyElementLoader, data: unknown, readItems?: NodeElementProps['readItems']): unknown {
  const state = loader.need(node.type);
  if (state === 'defined') return nodeElement(loader.tagFor(node.type), { node, config: node.config, data, readItems });
  if (state === 'error')
    return html`<div class="body-error" role="alert">
      <span>${loader.error(node.type) ?? 'Unable to load this node\u2019s view'}</span>
      <button type="button" @pointerdown=${(e: Event) => e.stopPropagation()} @click=${() => void loader.retry(node.type)}>Retry</button>
    </div>`;
  return html`<div class="body-placeholder" aria-busy=${state === 'loading' ? 'true' : 'false'}></div>`;
}
