/** A cell or leaf value as display text: empty for null, JSON for objects, grouped digits for numbers. */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toLocaleString('en') : String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "1 row", "12,345 rows". */
export function countText(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** "1.2M", "3.4K", "950", "-12K": a number short enough for an axis label. */
export function compactNumber(value: number): string {
  return compact.format(value);
}
