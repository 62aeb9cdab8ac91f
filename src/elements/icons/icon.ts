import { html, nothing, svg, type SVGTemplateResult } from 'lit';
import type { IconShape, IconTag } from '../../core/icon.js';

type Attributes = IconShape[1];
const at = (a: Attributes, key: string) => a[key] ?? nothing;

/**
 * One Lit template per shape, binding only that shape's geometry attributes as values: Lit
 * sets them with setAttribute, so no icon data is ever parsed as markup. A tag not listed
 * (which validation already refuses) draws nothing.
 */
const SHAPES: Record<IconTag, (a: Attributes) => SVGTemplateResult> = {
  path: (a) => svg`<path d=${at(a, 'd')}></path>`,
  circle: (a) => svg`<circle cx=${at(a, 'cx')} cy=${at(a, 'cy')} r=${at(a, 'r')}></circle>`,
  ellipse: (a) => svg`<ellipse cx=${at(a, 'cx')} cy=${at(a, 'cy')} rx=${at(a, 'rx')} ry=${at(a, 'ry')}></ellipse>`,
  rect: (a) => svg`<rect x=${at(a, 'x')} y=${at(a, 'y')} width=${at(a, 'width')} height=${at(a, 'height')} rx=${at(a, 'rx')} ry=${at(a, 'ry')}></rect>`,
  line: (a) => svg`<line x1=${at(a, 'x1')} y1=${at(a, 'y1')} x2=${at(a, 'x2')} y2=${at(a, 'y2')}></line>`,
  polyline: (a) => svg`<polyline points=${at(a, 'points')}></polyline>`,
  polygon: (a) => svg`<polygon points=${at(a, 'points')}></polygon>`,
};

/**
 * An icon's geometry (Lucide's `[tag, attributes][]` format, 24×24, stroked in
 * `currentColor`) as an inline `<svg>`, hidden from assistive technology: the control it
 * sits in carries the name.
 */
export function renderIcon(shapes: readonly IconShape[]) {
  return html`<svg class="icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${shapes.map(
      ([tag, attributes]) => (Object.hasOwn(SHAPES, tag) && attributes ? SHAPES[tag](attributes) : nothing),
    )}</svg>`;
}
