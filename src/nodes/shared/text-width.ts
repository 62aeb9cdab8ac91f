/**
 * Text measured without layout: node elements size table columns and place chart labels
 * from these widths before they render, so nothing is drawn, read back and drawn again.
 * Element code only (it needs a canvas); node modules stay isomorphic.
 */
let context: CanvasRenderingContext2D | null | undefined;

/** Width in CSS pixels of `text` in `font` (a CSS font shorthand); an estimate where canvas is unavailable. */
export function textWidth(text: string, font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}

/** `text` as it fits in `max` pixels: whole, or cut with an ellipsis. */
export function fitText(text: string, font: string, max: number): string {
  if (textWidth(text, font) <= max) return text;
  let [low, high] = [0, text.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(`${text.slice(0, mid)}…`, font) <= max) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/** The CSS font of `element` at `size` pixels and `weight`, for `textWidth`. */
export function fontOf(element: Element, size: number, weight = 400): string {
  return `${weight} ${size}px ${getComputedStyle(element).fontFamily || 'sans-serif'}`;
}
