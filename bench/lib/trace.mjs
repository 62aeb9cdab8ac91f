// A Chrome trace of one gesture, reduced to what the renderer says about its frames:
// AnimationFrame spans (every frame's main-thread work, as LoAF measures long ones) and
// the compositor's drawn and dropped frames. A second opinion beside the rAF figures.
import { framePercentiles } from './stats.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame'];

/** Runs `gesture` under tracing; resolves to `{ animationFrames, drawn, dropped }`. */
export async function traced(page, gesture) {
  await page.tracing.start({ categories: CATEGORIES });
  let buffer;
  try {
    await gesture();
  } finally {
    buffer = await page.tracing.stop();
  }
  return summarizeTrace(JSON.parse(Buffer.from(buffer).toString()).traceEvents);
}

export function summarizeTrace(events) {
  const pid = busiestRenderer(events);
  const mine = events.filter((e) => e.pid === pid);
  const begins = new Map();
  const durations = [];
  for (const e of mine) {
    if (e.name !== 'AnimationFrame') continue;
    if (e.ph === 'b') begins.set(e.id, e.ts);
    else if (e.ph === 'e' && begins.has(e.id)) durations.push((e.ts - begins.get(e.id)) / 1000);
  }
  const count = (name) => mine.filter((e) => e.name === name).length;
  return { animationFrames: framePercentiles(durations), drawn: count('DrawFrame'), dropped: count('DroppedFrame') };
}

function busiestRenderer(events) {
  const counts = new Map();
  for (const e of events) if (e.name === 'AnimationFrame' && e.ph === 'b') counts.set(e.pid, (counts.get(e.pid) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
