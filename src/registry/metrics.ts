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

/**
 * Counts operations over a threshold and tells when one kind (`load`, `bundle`, …) is
 * persistently slow: the median of its last `window` durations over the threshold, those
 * operations spread over at least `spanMs`, told once per kind. A cold page load starts a
 * burst of concurrent fetches and imports, each timed with the others' queueing: slow, but
 * not a slowness worth a warning.
 */
export class SlowOperations {
  count = 0;
  private _recent = new Map<string, { at: number; duration: number }[]>();
  private _told = new Set<string>();

  constructor(private readonly _window = 10, private readonly _spanMs = 10_000) {}

  /** Records one duration ending at `at`; returns what to report the first time `kind` is persistently slow. */
  add(kind: string, at: number, duration: number, threshold: number): { kind: string; median: number; window: number } | undefined {
    if (duration > threshold) this.count++;
    const recent = this._recent.get(kind) ?? [];
    this._recent.set(kind, [...recent, { at, duration }].slice(-this._window));
    const last = this._recent.get(kind)!;
    if (last.length < this._window || at - last[0]!.at < this._spanMs || this._told.has(kind)) return undefined;
    const median = last.map((s) => s.duration).sort((a, b) => a - b)[Math.floor(this._window / 2)]!;
    if (median <= threshold) return undefined;
    this._told.add(kind);
    return { kind, median, window: this._window };
  }
}

/** hits / (hits + misses), 0 before the first lookup. */
export function rate(hits: number, misses: number): number {
  const total = hits + misses;
  return total === 0 ? 0 : hits / total;
}

/** A `v2u-warning` detail: what was slow or degraded, and by how much. */
export interface V2uWarningDetail {
  code: string;
  message: string;
  /** How long the operation took, for slow-operation warnings. */
  duration?: number;
  /** What degraded: `pool`, `storage`, `registry`, … */
  source?: string;
}

/**
 * Logs a warning and dispatches it as a `v2u-warning` event on `target`. Works in Node
 * too, where EventTarget and CustomEvent are globals.
 */
export function warn(target: EventTarget | undefined, detail: V2uWarningDetail): void {
  console.warn(`v2u: ${detail.message}`);
  target?.dispatchEvent(new CustomEvent('v2u-warning', { detail, bubbles: true, composed: true }));
}
