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

  // Per frame: its rAF timestamp `t`, when our rAF callback ran, and when a message posted
  // from it ran: after the frame's input handlers, rAF callbacks, style, layout and paint.
  // Chrome may start the next frame before that message runs, so a frame's work ends at the
  // message or at the next frame's callback, whichever is first.
  let frames = null;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    const frame = frames?.[event.data];
    if (frame) frame.msg = performance.now();
  };
  const tick = (t) => {
    if (!frames) return;
    channel.port2.postMessage(frames.push({ t, cb: performance.now() }) - 1);
    requestAnimationFrame(tick);
  };

  function frameWork(list) {
    const works = [];
    let previousEnd = 0;
    for (let i = 0; i < list.length - 1; i++) {
      const start = Math.max(list[i].t, previousEnd);
      const end = Math.min(list[i].msg ?? Infinity, list[i + 1].cb);
      works.push(end - start);
      previousEnd = end;
    }
    return works;
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  window.benchPerf = {
    perf,
    /** Starts recording frames. */
    startFrames() {
      frames = [];
      requestAnimationFrame(tick);
    },
    /** Stops recording; resolves to `{ intervals, works }` in ms (see above). */
    async stopFrames() {
      await nextTask();
      const list = frames ?? [];
      frames = null;
      return { intervals: list.slice(1).map((f, i) => f.t - list[i].t), works: frameWork(list) };
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
