const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'variant' });
const RANK: Record<string, number> = { boolean: 0, number: 1, bigint: 1, string: 2, object: 3 };

/**
 * A total order for cell values: null and undefined last, then booleans, numbers, text (by
 * the locale's collation, numbers inside text in numeric order) and other values as JSON.
 */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = isMissing(a);
  const bMissing = isMissing(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const rankA = RANK[typeof a] ?? 3;
  const rankB = RANK[typeof b] ?? 3;
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'string') return collator.compare(a, b as string);
  if (rankA === 3) return collator.compare(JSON.stringify(a), JSON.stringify(b));
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** Null, undefined and NaN: the values that sort last whichever the direction. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || Number.isNaN(value);
}

/** compareValues in a direction (1 ascending, -1 descending), missing values still last. */
export function compareDirected(a: unknown, b: unknown, direction: 1 | -1): number {
  const order = compareValues(a, b);
  return isMissing(a) || isMissing(b) ? order : direction * order;
}

/** A grouping key for one or more cell values: 1 and "1" stay apart, as do null and "". */
export function keyOf(values: readonly unknown[]): string {
  return values.length === 1 && typeof values[0] === 'string' ? `s${values[0]}` : JSON.stringify(values);
}
