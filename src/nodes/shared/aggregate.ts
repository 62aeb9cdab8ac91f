import { compareValues } from './compare.js';
import { configError } from './inputs.js';

export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'distinct', 'first', 'last'] as const;
export type AggregateName = (typeof AGGREGATES)[number];

/** Folds the values of one group; `distinct` counts the different values. */
export interface Accumulator {
  add(value: unknown): void;
  result(): unknown;
}

/** A number from a cell: numbers as they are, numeric text converted, everything else skipped. */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

const present = (value: unknown) => value !== null && value !== undefined;

export function accumulator(name: AggregateName): Accumulator {
  switch (name) {
    case 'count': {
      let count = 0;
      return { add: (v) => void (present(v) && count++), result: () => count };
    }
    case 'sum':
    case 'avg': {
      let sum = 0;
      let count = 0;
      return {
        add(value) {
          const n = numeric(value);
          if (n !== undefined) (sum += n), count++;
        },
        result: () => (name === 'sum' ? sum : count ? sum / count : null),
      };
    }
    case 'min':
    case 'max': {
      let best: unknown = null;
      const sign = name === 'min' ? 1 : -1;
      // Numeric text counts as its number, as it does for sum and avg.
      const add = (v: unknown) => void ((best === null || sign * compareValues(v, best) < 0) && (best = v));
      return { add: (v) => present(v) && add(numeric(v) ?? v), result: () => best };
    }
    case 'distinct': {
      const seen = new Set<string>();
      return { add: (v) => void (present(v) && seen.add(typeof v === 'string' ? `s${v}` : JSON.stringify(v))), result: () => seen.size };
    }
    case 'first':
    case 'last': {
      let value: unknown = null;
      let seen = false;
      return { add: (v) => void ((name === 'last' || !seen) && ((value = v ?? null), (seen = true))), result: () => value };
    }
  }
}

export function checkAggregate(name: string, node: string, field: string): AggregateName {
  if (!(AGGREGATES as readonly string[]).includes(name)) throw configError(node, field, `uses "${name}", which is none of ${AGGREGATES.join(', ')}`);
  return name as AggregateName;
}
