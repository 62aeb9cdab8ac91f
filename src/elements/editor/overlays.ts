import { inlineStyle } from '../shared/inline-style.js';
import { html, nothing } from 'lit';
import { directive, Directive, type PartInfo, PartType, type ElementPart } from 'lit/directive.js';
import type { NodeManifest } from '../../core/index.js';
import { matchesQuery } from '../../registry/search.js';
import type { ConnectOption, EditorActions } from './actions.js';
import type { EditorHost } from './editor-host.js';
import type { ConnectPreview } from './gestures/host.js';
import { toScreen } from './viewport.js';

/** Popovers over the canvas: the refusal hint while connecting, keyboard connect, quick add, the context menu. */
export function renderOverlays(editor: EditorHost, actions: EditorActions, preview: ConnectPreview | undefined) {
  return html`${renderLibraryFailure(editor)} ${renderHint(editor, preview)} ${renderConnectList(editor, actions)} ${renderQuickAdd(editor, actions)} ${renderMenu(editor, actions)}`;
}

/** The context menu: a menu of actions with their keys; arrows move, Enter picks, Escape closes. */
function renderMenu(editor: EditorHost, actions: EditorActions) {
  const menu = actions.menu;
  if (!menu) return nothing;
  return html`<div class="popover context-menu" part="popover context-menu" @pointerdown=${keepPress} style=${inlineStyle(`left:${menu.at.x}px;top:${menu.at.y}px`)}>
    <ul
      role="menu"
      tabindex="0"
      aria-label="Actions"
      aria-activedescendant="cm-${menu.active}"
      @keydown=${(e: KeyboardEvent) => listKeys(e, editor, actions, menu, menu.items.length, () => actions.pickMenu(menu.items[menu.active]))}
      ${focusOnRender}
    >
      ${menu.items.map(
        (item, i) => html`<li
          id="cm-${i}"
          role="menuitem"
          data-action=${item.action}
          aria-disabled=${item.disabled ? 'true' : 'false'}
          class=${i === menu.active ? 'active' : ''}
          @click=${() => actions.pickMenu(item)}
        >
          <span>${item.label}</span>${item.keys ? html`<small>${item.keys}</small>` : nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}

/** The node library did not load: say why on screen (nodes show as unknown meanwhile), with a retry. */
function renderLibraryFailure(editor: EditorHost) {
  const failure = editor.libraryFailure;
  if (failure === undefined) return nothing;
  return html`<div class="library-failure" part="library-failure" role="alert">
    <span>The node library could not be loaded: ${failure}. Nodes show without their types until it loads.</span>
    <button type="button" @click=${() => editor.retryLibrary()}>Retry</button>
  </div>`;
}

function renderHint(editor: EditorHost, preview: ConnectPreview | undefined) {
  const verdict = preview?.hover === undefined ? undefined : preview.verdicts.get(preview.hover);
  if (typeof verdict !== 'string') return nothing;
  const at = toScreen(editor.liveViewport, preview!.pointer);
  return html`<div class="hint" part="connect-hint" role="alert" style=${inlineStyle(`left:${at.x + 12}px;top:${at.y + 12}px`)}>${verdict}</div>`;
}

function renderConnectList(editor: EditorHost, actions: EditorActions) {
  const list = actions.connectList;
  if (!list) return nothing;
  const pick = (option: ConnectOption) => actions.pickConnection(option);
  return html`<div class="popover connect-list" part="popover connect-list" @pointerdown=${keepPress} role="dialog" aria-label=${list.title}>
    <div class="popover-title">${list.title}</div>
    <ul
      role="listbox"
      tabindex="0"
      aria-label="Ports"
      aria-activedescendant=${list.options.length ? `opt-${list.active}` : nothing}
      @keydown=${(e: KeyboardEvent) => listKeys(e, editor, actions, list, list.options.length, () => pick(list.options[list.active]))}
      ${focusOnRender}
    >
      ${list.options.length === 0 ? html`<li class="empty">No ports to connect to</li>` : nothing}
      ${list.options.map(
        (o, i) => html`<li
          id="opt-${i}"
          role="option"
          aria-selected=${i === list.active ? 'true' : 'false'}
          aria-disabled=${o.verdict === true ? 'false' : 'true'}
          class=${i === list.active ? 'active' : ''}
          @click=${() => pick(o)}
        >
          <span>${o.label}</span>${o.verdict === true ? nothing : html`<small>${o.verdict}</small>`}
        </li>`,
      )}
    </ul>
  </div>`;
}

function renderQuickAdd(editor: EditorHost, actions: EditorActions) {
  const state = actions.quickAdd;
  if (!state) return nothing;
  const matches = [...(editor.manifests.list?.() ?? [])].filter((m) => matchesQuery(m, state.query)).slice(0, 30);
  const add = (m: NodeManifest | undefined) => {
    if (!m) return;
    actions.closePopovers();
    actions.addNode(m, state.at);
  };
  return html`<div class="popover quick-add" part="popover quick-add" @pointerdown=${keepPress} role="dialog" aria-label="Add a node">
    <input
      type="search"
      placeholder="Add a node…"
      aria-label="Search node types"
      role="combobox"
      aria-expanded="true"
      aria-controls="quick-add-list"
      aria-activedescendant=${matches.length ? `qa-${state.active}` : nothing}
      .value=${state.query}
      @input=${(e: InputEvent) => {
        state.query = (e.target as HTMLInputElement).value;
        state.active = 0;
        editor.requestUpdate();
      }}
      @keydown=${(e: KeyboardEvent) => listKeys(e, editor, actions, state, matches.length, () => add(matches[state.active]))}
      ${focusOnRender}
    />
    <ul id="quick-add-list" role="listbox" aria-label="Node types">
      ${matches.length === 0 ? html`<li class="empty">No node type matches</li>` : nothing}
      ${matches.map(
        (m, i) => html`<li id="qa-${i}" role="option" aria-selected=${i === state.active ? 'true' : 'false'} class=${i === state.active ? 'active' : ''} @click=${() => add(m)}>
          <span>${m.title}</span><small>${m.category} · ${m.type}</small>
        </li>`,
      )}
    </ul>
  </div>`;
}

/** A press on a popover is the popover's: not a pan or a node press of the canvas under it (whose pointer capture would take the click). */
const keepPress = (e: PointerEvent) => e.stopPropagation();

function listKeys(e: KeyboardEvent, editor: EditorHost, actions: EditorActions, state: { active: number }, count: number, choose: () => void) {
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
  if (e.key in moves && count) state.active = (state.active + moves[e.key] + count) % count;
  else if (e.key === 'Enter' && count) choose();
  else if (e.key === 'Escape') actions.closePopovers();
  else return;
  e.preventDefault();
  e.stopPropagation();
  editor.requestUpdate();
}


/** Focuses the element once, when it first renders. */
class FocusOnRender extends Directive {
  private _done = false;
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('focusOnRender goes on an element');
  }
  override update(part: ElementPart) {
    if (!this._done) {
      this._done = true;
      requestAnimationFrame(() => (part.element as HTMLElement).focus());
    }
    return this.render();
  }
  render() {
    return nothing;
  }
}
const focusOnRender = directive(FocusOnRender)();
