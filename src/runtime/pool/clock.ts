import type { EngineClock } from '../../core/engine/types.js';

/** The browser's timers for the DOM-free engine (which has no timers of its own). */
export const browserClock: EngineClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
