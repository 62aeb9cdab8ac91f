import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * Sets an element's inline style through the CSSOM (`style.cssText`), never through the
 * `style` attribute, so positions and sizes still apply under a strict Content-Security-
 * Policy without `'unsafe-inline'` for styles. Use it as `style=${inlineStyle(text)}`.
 */
class InlineStyle extends Directive {
  private _last = '';

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('inlineStyle goes in a style attribute: style=${inlineStyle(…)}');
  }

  render(_cssText: string) {
    return noChange;
  }

  override update(part: AttributePart, [cssText]: [string]) {
    if (cssText !== this._last) (part.element as HTMLElement).style.cssText = this._last = cssText;
    return noChange;
  }
}

export const inlineStyle = directive(InlineStyle);
