import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ChevronDown, ChevronRight, X } from '../../icons/lucide.js';
import { GROUP_COLORS, type GraphGroup, type Rect, type IconShape } from '../../../core/index.js';
import { renderIcon } from '../../icons/icon.js';
import { inlineStyle } from '../../shared/inline-style.js';
import { GROUP_HEADER } from './group-layout.js';

/** What the group layer needs per render, read from the groups controller. */
export interface GroupScene {
  groups: GraphGroup[];
  shapeOf(group: GraphGroup): Rect | undefined;
  /** The group whose palette shows (clicked or focused last). */
  active: string | undefined;
  /** The group whose label is being edited. */
  renaming: string | undefined;
  editable: boolean;
  /** How many nodes a collapsed group holds and how many edges cross into it, for its box. */
  summary(group: GraphGroup): string;
  onAction(group: GraphGroup, action: GroupAction, value?: string): void;
}

export type GroupAction = 'collapse' | 'ungroup' | 'color' | 'rename-start' | 'rename-commit' | 'rename-cancel' | 'activate';

/** The label a group shows: its own, or "Group" when it has none. */
export function groupTitle(group: GraphGroup): string {
  return group.label || 'Group';
}

const stop = (e: Event) => e.stopPropagation();

/**
 * The frames behind the nodes: a labelled, coloured box per group with a header (drag to
 * move, double-click to rename), a collapse button, a palette when active, and a resize
 * handle. Labels are text bindings, so any string a document holds renders as text.
 */
export function renderGroups(scene: GroupScene) {
  return repeat(scene.groups, (g) => g.id, (g) => renderGroup(g, scene));
}

function renderGroup(g: GraphGroup, s: GroupScene) {
  const shape = s.shapeOf(g)!;
  const title = groupTitle(g);
  const act = (action: GroupAction, value?: string) => () => s.onAction(g, action, value);
  return html`<div
    class="group ${g.collapsed ? 'collapsed' : ''} ${s.active === g.id ? 'active' : ''}"
    part="group${g.collapsed ? ' group-collapsed' : ''}"
    role="group"
    aria-label="Group ${title}${g.collapsed ? `, collapsed, ${s.summary(g)}` : ''}"
    data-group=${g.id}
    data-color=${GROUP_COLORS.includes(g.color as never) ? g.color! : 'gray'}
    style=${inlineStyle(`transform: translate(${shape.x}px, ${shape.y}px); width: ${shape.width}px; height: ${shape.height}px`)}
  >
    <div class="group-header" part="group-header" data-group-part="move" style=${inlineStyle(`height: ${GROUP_HEADER}px`)}>
      ${s.renaming === g.id && s.editable ? renderRename(g, s) : html`<span
            class="group-label"
            part="group-label"
            tabindex="0"
            data-group-part="label"
            title="Drag to move; double-click or Enter to rename; arrow keys move"
            @focus=${act('activate')}
            >${title}</span
          >`}
      <button type="button" class="group-button" data-group-action="collapse" aria-expanded=${g.collapsed ? 'false' : 'true'} aria-label="${g.collapsed ? 'Expand' : 'Collapse'} group ${title}" @pointerdown=${stop} @click=${act('collapse')}>
        ${renderIcon((g.collapsed ? ChevronRight : ChevronDown) as unknown as IconShape[])}
      </button>
    </div>
    ${s.active === g.id && s.editable ? renderPalette(g, title, s) : nothing}
    ${g.collapsed ? html`<div class="group-summary" data-group-part="move">${s.summary(g)}</div>` : html`<div class="group-resize" part="group-resize" data-group-part="resize" aria-hidden="true"></div>`}
  </div>`;
}

function renderPalette(g: GraphGroup, title: string, s: GroupScene) {
  return html`<div class="group-palette" role="toolbar" aria-label="Group ${title}">
    <span class="group-colors" role="radiogroup" aria-label="Colour of group ${title}">
      ${GROUP_COLORS.map(
        (c) => html`<button
          type="button"
          class="swatch"
          role="radio"
          data-color=${c}
          aria-checked=${(g.color ?? 'gray') === c ? 'true' : 'false'}
          aria-label=${c}
          @pointerdown=${stop}
          @click=${() => s.onAction(g, 'color', c)}
        ></button>`,
      )}</span
    ><button type="button" class="group-button" data-group-action="ungroup" aria-label="Ungroup ${title}" title="Ungroup (Ctrl+Shift+G)" @pointerdown=${stop} @click=${() => s.onAction(g, 'ungroup')}>
      ${renderIcon(X as unknown as IconShape[])}
    </button>
  </div>`;
}

function renderRename(g: GraphGroup, s: GroupScene) {
  const commit = (e: Event) => s.onAction(g, 'rename-commit', (e.target as HTMLInputElement).value);
  return html`<input
    class="group-rename"
    part="group-rename"
    aria-label="Group name"
    .value=${g.label ?? ''}
    @pointerdown=${stop}
    @dblclick=${stop}
    @keydown=${(e: KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Enter') commit(e);
      else if (e.key === 'Escape') s.onAction(g, 'rename-cancel');
    }}
    @blur=${commit}
  />`;
}
