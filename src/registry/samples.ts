// Apart from metrics.ts: only lazy chunks (the definition loader, the lazy element loader)
// keep samples, so they stay out of what loads before first paint.

/**
 * Bounded duration samples with percentiles. Keeps the latest `capacity` samples so a
 * long session neither grows memory nor lets old figures hide a recent slowdown.
 */
export class Samples {
  private _values: number[] = [];
  private _next = 0;
  count = 0;

  constructor(private readonly _capacity = 1000) {}

  add(value: number): void {
    this.count++;
    if (this._values.length < this._capacity) this._values.push(value);
    else this._values[this._next] = value;
    this._next = (this._next + 1) % this._capacity;
  }

  /** The `p`-th percentile (0..100) of the kept samples, nearest rank; 0 when empty. */
  percentile(p: number): number {
    if (this._values.length === 0) return 0;
    const sorted = [...this._values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length) - 1;
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
  }

  /** `{ count, p50, p95 }`, rounded to a hundredth of a millisecond. */
  summary(): DurationSummary {
    const round = (n: number) => Math.round(n * 100) / 100;
    return { count: this.count, p50: round(this.percentile(50)), p95: round(this.percentile(95)) };
  }
}

export interface DurationSummary {
  count: number;
  p50: number;
  p95: number;
}
