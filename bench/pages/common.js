// Loaded first, as a classic script, by every bench page: it starts the long-task and
// long-animation-frame observers before any editor code runs, records rAF timestamps on
// request, and offers the page one way to say "painted and interactive".
(() => {
  const perf = { longTasks: [], loafs: [] };
  const observe = (type, list) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return false;
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries())
        list.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration ?? Math.max(0, e.duration - 50) });
    }).observe({ type, buffered: true });
    return true;
  };
  perf.supports = { longtask: observe('longtask', perf.longTasks), loaf: observe('long-animation-frame', perf.loafs) };

  // Per frame: its rAF timestamp, and how long the main thread worked on it: from the frame's
  // start (or the end of the previous frame's work, if later) until a message posted from
  // rAF runs, which is after input handlers, rAF callbacks, style, layout and paint.
  let frames = null;
  let works = null;
  const starts = [];
  let lastEnd = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const end = performance.now();
    if (works && starts.length) works.push(end - starts.shift());
    lastEnd = end;
  };
  const tick = (t) => {
    if (!frames) return;
    frames.push(t);
    starts.push(Math.max(t, lastEnd));
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  window.benchPerf = {
    perf,
    /** Starts recording frames. */
    startFrames() {
      frames = [];
      works = [];
      starts.length = 0;
      requestAnimationFrame(tick);
    },
    /** Stops recording; resolves to `{ intervals, works }` in ms (see above). */
    async stopFrames() {
      const t = frames ?? [];
      frames = null;
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = { intervals: t.slice(1).map((v, i) => v - t[i]), works: works ?? [] };
      works = null;
      return result;
    },
    /** Long tasks and LoAFs that started in [from, to). */
    since(from, to = Infinity) {
      const inside = (e) => e.start >= from && e.start < to;
      return { longTasks: perf.longTasks.filter(inside), loafs: perf.loafs.filter(inside), supports: perf.supports };
    },
    /**
     * Resolves once the editor's first render is on screen (two frames later) and the main
     * thread has come back to run a task (so input would be handled): "interactive".
     */
    async settle() {
      await nextFrame();
      await nextFrame();
      await nextTask();
      return performance.now();
    },
    nextFrame,
  };

  const params = new URLSearchParams(location.search);
  window.benchParams = { size: Number(params.get('n') ?? 100), variant: params.get('variant') ?? '' };
  /** The page's graph, in the neutral form of bench/lib/graph.mjs, fetched from the bench server. */
  window.benchGraph = fetch(`/bench-graph/${window.benchParams.size}.json`).then((r) => r.json());
})();
