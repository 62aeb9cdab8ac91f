/**
 * A last-moment, synchronous copy of a value in `localStorage`, for when a page is closing:
 * an IndexedDB write started in `pagehide` does not outlive the page (seen in Chromium: not
 * even a put with an explicit commit lands), but a `localStorage` write is done when the
 * call returns. The next visit moves the value on to IndexedDB and clears it here.
 */
export const journal = {
  /** Stores `value` under `key`; false when storage is unavailable or full. */
  write(key: string, value: unknown): boolean {
    try {
      localStorage.setItem(journalKey(key), JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },

  /** The value stored under `key`, or undefined (also when it is not valid JSON). */
  read(key: string): unknown {
    try {
      const text = localStorage.getItem(journalKey(key));
      return text === null ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  },

  clear(key: string): void {
    try {
      localStorage.removeItem(journalKey(key));
    } catch {
      // Storage unavailable: nothing was written either.
    }
  },
};

const journalKey = (key: string) => `v2u-journal:${key}`;
