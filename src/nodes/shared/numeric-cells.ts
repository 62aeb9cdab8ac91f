import { NULL, VALUE, type Column, type NumberColumn } from '../../core/table/index.js';

/** The folds that add straight from a number column's typed array. */
export type NumericFold = 'count' | 'sum' | 'avg';

/** Whether `fn` over `column` (or over 1 per row, when no column is `named`) adds from the typed arrays. */
export const addsNumbers = (fn: string, column: Column | undefined, named: boolean): fn is NumericFold =>
  (fn === 'count' || fn === 'sum' || fn === 'avg') && (!named || column?.kind === 'number');

/**
 * count, sum and avg of a number column (or of 1 per row, without a column) per cell, straight
 * from the typed arrays, in row order as the accumulators add: a null or missing cell adds
 * nothing, NaN is counted but not summed, an average of no numbers is null, and a cell no row
 * reached is null. Row i's cell is `keys[i]` (a group), or with `across` (a pivot's columns)
 * (`keys[i]`, `across[i]`) in a grid `width` wide. Returns column `p` of the grid (0 without
 * `across`), `rows` long.
 */
export function numericCells(fn: NumericFold, column: NumberColumn | undefined, keys: Int32Array, rows: number, width = 1, across?: Int32Array): (p: number) => Column {
  const sums = new Float64Array(rows * width);
  const counts = new Float64Array(rows * width);
  // Without `across`, every key is some row's: only a grid has cells no row reached.
  const reached = across && new Uint8Array(rows * width);
  const states = column?.states;
  const numbers = column?.values;
  for (let i = 0; i < keys.length; i++) {
    let cell = keys[i];
    if (reached) reached[(cell = cell * width + across![i])] = 1;
    if (states && states[i] !== VALUE) continue;
    const value = numbers ? numbers[i] : 1;
    if (fn === 'count') counts[cell]++;
    else if (value === value) (sums[cell] += value), counts[cell]++;
  }
  return (p) => {
    const values = new Float64Array(rows);
    const nulls = new Uint8Array(rows);
    for (let g = 0; g < rows; g++) {
      const cell = g * width + p;
      values[g] = fn === 'count' ? counts[cell] : fn === 'sum' ? sums[cell] : sums[cell] / counts[cell];
      if ((reached && !reached[cell]) || (fn === 'avg' && !counts[cell])) nulls[g] = NULL;
    }
    return { kind: 'number', values, states: nulls.includes(NULL) ? nulls : undefined };
  };
}
