import { html, nothing } from 'lit';
import { Plus, Trash2 } from '../icons/lucide.js';
import { NODE_CATEGORIES, type ConfigField, type IconShape } from '../../core/index.js';
import { renderIcon } from '../icons/icon.js';
import { NODE_ICONS, renderNodeIcon } from '../icons/node-icons.js';
import { port, rowId, type Draft, type FieldRow, type PortRow } from './builder-draft.js';
import { select, textArea, textInput } from './builder-fields.js';

/** What the form sections read and call: the draft, the error of a control, and an edit that revalidates. */
export interface SectionContext {
  draft: Draft;
  error(id: string): string | undefined;
  edit(change: (draft: Draft) => void): void;
  /** Where a subflow-kind type's flow can come from: `[value, label]`. */
  subflowChoices: ReadonlyArray<readonly [string, string]>;
  chooseSubflow(value: string): void;
  /** Moves keyboard focus to `selector` once the edit has rendered (a removed row's button is gone). */
  focus(selector: string): void;
}

const icon = (shapes: unknown) => renderIcon(shapes as readonly IconShape[]);

/** The port types offered: the type system's own, and lists of them. */
export const PORT_TYPES = ['any', 'number', 'string', 'boolean', 'object', 'table', 'list<any>', 'list<number>', 'list<string>', 'list<boolean>', 'list<object>'].map((t) => [t, t] as const);
const FIELD_TYPES: ReadonlyArray<ConfigField['type']> = ['string', 'number', 'boolean', 'enum', 'text', 'code', 'json'];
const pairs = (values: readonly string[]) => values.map((v) => [v, v] as const);

export function renderIdentity(c: SectionContext) {
  const d = c.draft;
  const ctl = (key: string, label: string, hint?: string) => ({ id: `nb-${key}`, label, error: c.error(`nb-${key}`), hint });
  return html`<fieldset class="nb-section" id="nb-identity">
    <legend>Identity</legend>
    <div class="nb-grid">
      ${textInput(ctl('type', 'Type id', 'category/name: lowercase letters, digits and dashes'), d.type, (v) => c.edit((x) => (x.type = v)))}
      ${textInput(ctl('title', 'Title'), d.title, (v) => c.edit((x) => (x.title = v)))}
      ${select(ctl('category', 'Category'), d.category, pairs(NODE_CATEGORIES), (v) => c.edit((x) => (x.category = v as Draft['category'])))}
      <div class="nb-icon-row">
        ${select(ctl('icon', 'Icon'), d.icon, [['', '(none)'], ...pairs(Object.keys(NODE_ICONS))], (v) => c.edit((x) => (x.icon = v)))}
        <span class="nb-icon" data-category=${d.category}>${renderNodeIcon(d.icon || undefined)}</span>
      </div>
    </div>
    ${textArea(ctl('description', 'Description'), d.description, (v) => c.edit((x) => (x.description = v)))}
    ${textInput(ctl('keywords', 'Keywords', 'comma-separated, for the palette search'), d.keywords, (v) => c.edit((x) => (x.keywords = v)))}
  </fieldset>`;
}

export function renderPorts(c: SectionContext) {
  const locked = c.draft.logic === 'subflow';
  const side = (key: 'inputs' | 'outputs', title: string) => {
    const rows = c.draft[key];
    const one = title.slice(0, -1).toLowerCase();
    return html`<div class="nb-list" id="nb-${key}" role="group" aria-label=${title}>
      <h4>${title}</h4>
      ${rows.length === 0 ? html`<p class="nb-hint">No ${key}.</p>` : nothing}
      ${rows.map((row, i) => html`<div class="nb-row" data-row=${row.id}>
        ${textInput({ id: `nb-${key}-${row.id}-name`, label: `${title.slice(0, -1)} ${i + 1} name`, error: c.error(`nb-${key}-${row.id}-name`) }, row.name, (v) => c.edit((x) => renamePort(x, key, row.id, v)))}
        ${select({ id: `nb-${key}-${row.id}-type`, label: 'Type', error: c.error(`nb-${key}-${row.id}-type`) }, row.type, PORT_TYPES, (v) => c.edit((x) => (find(x[key], row.id).type = v)))}
        ${locked ? nothing : html`<button type="button" class="nb-remove" aria-label="Remove ${one} ${row.name}" title="Remove ${one}" @click=${() => (c.edit((x) => removePort(x, key, row.id)), c.focus(`[data-add="${key}"]`))}>${icon(Trash2)}</button>`}
      </div>`)}
      ${locked
        ? html`<p class="nb-hint">The subflow's boundary gives the ports; rename or retype them here.</p>`
        : html`<button type="button" class="nb-add" data-add=${key} @click=${() => (c.edit((x) => addPort(x, key)), c.focus(`#nb-${key} .nb-row:last-of-type input`))}>${icon(Plus)}<span>Add ${one}</span></button>`}
    </div>`;
  };
  return html`<fieldset class="nb-section" id="nb-ports"><legend>Ports</legend><div class="nb-columns">${side('inputs', 'Inputs')} ${side('outputs', 'Outputs')}</div></fieldset>`;
}

const find = <T extends { id: number }>(rows: T[], id: number) => rows.find((r) => r.id === id)!;

function renamePort(d: Draft, key: 'inputs' | 'outputs', id: number, name: string) {
  find(d[key], id).name = name;
}

function addPort(d: Draft, key: 'inputs' | 'outputs') {
  const taken = new Set(d[key].map((p) => p.name));
  let n = d[key].length + 1;
  while (taken.has(`${key === 'inputs' ? 'in' : 'out'}${n}`)) n++;
  const row: PortRow = port(`${key === 'inputs' ? 'in' : 'out'}${n}`);
  d[key] = [...d[key], row];
  if (key === 'outputs') d.expressions[row.id] = '';
}

function removePort(d: Draft, key: 'inputs' | 'outputs', id: number) {
  d[key] = d[key].filter((p) => p.id !== id);
  delete d.expressions[id];
}

export function renderConfig(c: SectionContext) {
  const rows = c.draft.config;
  const ctl = (row: FieldRow, key: string, label: string) => ({ id: `nb-config-${row.id}-${key}`, label, error: c.error(`nb-config-${row.id}-${key}`) });
  const set = (row: FieldRow, key: keyof FieldRow) => (v: string) => c.edit((x) => ((find(x.config, row.id) as unknown as Record<string, unknown>)[key] = v));
  return html`<fieldset class="nb-section" id="nb-config"><legend>Config fields</legend>
    ${rows.length === 0 ? html`<p class="nb-hint">No config fields: the node has no settings.</p>` : nothing}
    ${rows.map((row, i) => html`<div class="nb-row nb-config-row" data-row=${row.id}>
      ${textInput({ ...ctl(row, 'name', `Field ${i + 1} name`) }, row.name, set(row, 'name'))}
      ${select(ctl(row, 'type', 'Type'), row.type, pairs(FIELD_TYPES), set(row, 'type'))}
      ${textInput(ctl(row, 'label', 'Label'), row.label, set(row, 'label'))}
      ${row.type === 'boolean'
        ? select(ctl(row, 'default', 'Default'), row.default === 'true' ? 'true' : 'false', pairs(['false', 'true']), set(row, 'default'))
        : textInput(ctl(row, 'default', 'Default'), row.default, set(row, 'default'))}
      ${row.type === 'enum' ? textInput({ ...ctl(row, 'options', 'Options'), hint: 'comma-separated' }, row.options, set(row, 'options')) : nothing}
      <button type="button" class="nb-remove" aria-label="Remove field ${row.name}" title="Remove field" @click=${() => (c.edit((x) => (x.config = x.config.filter((f) => f.id !== row.id))), c.focus('[data-add="config"]'))}>${icon(Trash2)}</button>
    </div>`)}
    <button type="button" class="nb-add" data-add="config" @click=${() => (c.edit(addField), c.focus('#nb-config .nb-row:last-of-type input'))}>${icon(Plus)}<span>Add config field</span></button>
  </fieldset>`;
}

function addField(d: Draft) {
  const taken = new Set(d.config.map((f) => f.name));
  let n = d.config.length + 1;
  while (taken.has(`field${n}`)) n++;
  d.config = [...d.config, { id: rowId(), name: `field${n}`, type: 'number', label: '', default: '', options: '' }];
}

export function renderLogic(c: SectionContext) {
  const d = c.draft;
  const kind = (value: Draft['logic'], text: string) => html`<label class="nb-radio"><input type="radio" name="nb-logic" .value=${value} .checked=${d.logic === value}
    @change=${() => (value === 'subflow' ? c.chooseSubflow(c.subflowChoices[0]?.[0] ?? '') : c.edit((x) => (x.logic = 'expression')))} />${text}</label>`;
  return html`<fieldset class="nb-section" id="nb-logic" aria-describedby=${c.error('nb-logic') ? 'nb-logic-error' : nothing}>
    <legend>Logic</legend>
    <div class="nb-kinds" role="radiogroup" aria-label="How the node computes its outputs">${kind('expression', 'One expression per output')} ${kind('subflow', 'A subflow of existing nodes')}</div>
    ${c.error('nb-logic') ? html`<small class="nb-error" id="nb-logic-error">${c.error('nb-logic')}</small>` : nothing}
    ${d.logic === 'expression'
      ? html`<p class="nb-hint">JSONata over the inputs by port name (<code>a * b</code>) and the config as <code>$config.name</code>.</p>
          ${d.outputs.map((o) => textArea({ id: `nb-expr-${o.id}`, label: `Output ${o.name}`, error: c.error(`nb-expr-${o.id}`) }, d.expressions[o.id] ?? '', (v) => c.edit((x) => (x.expressions[o.id] = v)), 'nb-code'))}`
      : select(
          { id: 'nb-subflow', label: 'Flow', error: c.error('nb-subflow'), hint: d.subflow ? `${d.subflow.nodes.length} nodes, from ${d.subflowSource ?? 'the graph'}` : 'Select nodes on the canvas, or make a subflow, first' },
          c.subflowChoices.length ? (d.subflowSource ?? '') : '',
          c.subflowChoices.length ? c.subflowChoices : [['', 'No subflow in this graph and no selection']],
          (v) => c.chooseSubflow(v),
        )}
  </fieldset>`;
}
