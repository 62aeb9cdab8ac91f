// JSON for people: nested objects indented, while a flat object or array (a table row, a
// list of columns) or any short value stays on one line. Still plain JSON for programs.
const SHORT = 80;

/**
 * @param {unknown} value JSON-ready data
 * @param {{ compact?: boolean }} [options] `compact`: everything on one line
 * @example jsonText({ a: { rows: [{ x: 1 }, { x: 2 }] } }) // rows one per line
 */
export function jsonText(value, { compact = false } = {}) {
  return compact ? JSON.stringify(value) : layout(value, '');
}

function layout(value, indent) {
  const line = JSON.stringify(value) ?? 'null';
  if (value === null || typeof value !== 'object' || isFlat(value) || line.length <= SHORT) return line;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => layout(item, inner))
    : Object.entries(value).filter(([, v]) => v !== undefined).map(([key, v]) => `${JSON.stringify(key)}: ${layout(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${indent}${close}`;
}

function isFlat(value) {
  return Object.values(value).every((v) => v === null || typeof v !== 'object');
}
