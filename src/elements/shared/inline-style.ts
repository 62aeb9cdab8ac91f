import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * Sets an element's inline style through the CSSOM, never through the `style` attribute, so
 * positions and sizes still apply under a strict Content-Security-Policy without
 * `'unsafe-inline'` for styles. Use it as `style=${inlineStyle(text)}`, with `text` as plain
 * `name: value` declarations joined by `;` (no `;` inside a quoted value, no `!important`).
 *
 * When only values change (the same names in the same order, as one template gives), only the
 * declarations that changed are set (`style.setProperty`): a dragged node then restyles its
 * transform alone, where a new `cssText` restyled and laid out its whole box (its width and
 * height set again), and declarations set on the element by others stay. Otherwise the whole
 * `cssText` is replaced.
 */
class InlineStyle extends Directive {
  private _last = '';

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('inlineStyle is for style=${…} only');
  }

  render(_cssText: string) {
    return noChange;
  }

  override update(part: AttributePart, [cssText]: [string]) {
    if (cssText === this._last) return noChange;
    const before = this._last.split(';');
    const after = cssText.split(';');
    const style = (part.element as HTMLElement).style;
    this._last = cssText;
    // Declarations are set as they come while each has the name it had; any other text, or a
    // name that differs, replaces the whole text (over whatever was set on the way).
    const applied = (d: string, i: number) => d === before[i] || (nameOf(d) === nameOf(before[i]) && (style.setProperty(nameOf(d).trim(), d.slice(d.indexOf(':') + 1)), true));
    if (after.length !== before.length || !after.every(applied)) style.cssText = cssText;
    return noChange;
  }
}

/** A declaration's property name as written (a fragment without a colon is its own name). */
const nameOf = (declaration: string) => declaration.split(':')[0];

export const inlineStyle = directive(InlineStyle);
