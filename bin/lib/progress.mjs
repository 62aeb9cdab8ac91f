// A one-line progress display for long runs on a terminal; nothing at all elsewhere, so
// piped or redirected output stays exactly the JSON.
const FINISHED = new Set(['done', 'error', 'cancelled']);

/**
 * Follows the engine's events and, once a run has lasted `delayMs`, redraws one line on
 * `stream` (stderr) at most every `everyMs`: nodes finished, the running ones, elapsed time.
 * @param {{ isTTY?: boolean, columns?: number, write(text: string): unknown }} stream
 * @returns {{ onEvent(event: object): void, done(): void }}
 */
export function progressLine(stream, { delayMs = 500, everyMs = 100, now = () => performance.now() } = {}) {
  if (!stream.isTTY) return { onEvent() {}, done() {} };
  const start = now();
  const run = { total: 0, finished: new Set(), running: new Map() };
  let drawnAt = -Infinity;
  const draw = () => {
    const t = now();
    if (t - start < delayMs || t - drawnAt < everyMs) return;
    drawnAt = t;
    stream.write(`\r\x1b[2K${fit(describe(run, t - start), stream.columns)}`);
  };
  const timer = setInterval(draw, everyMs);
  timer.unref?.();
  return {
    onEvent(event) {
      track(run, event);
      draw();
    },
    done() {
      clearInterval(timer);
      if (drawnAt > -Infinity) stream.write('\r\x1b[2K');
    },
  };
}

function track(run, event) {
  if (event.type === 'run-start') run.total = event.nodes.length;
  else if (event.type === 'node-progress') run.running.set(event.nodeId, event.progress);
  else if (event.type === 'node-status') setStatus(run, event.nodeId, event.state);
}

function setStatus(run, nodeId, state) {
  if (FINISHED.has(state.status)) {
    run.running.delete(nodeId);
    run.finished.add(nodeId);
  } else if (state.status === 'running') run.running.set(nodeId, state.progress ?? 0);
}

function describe(run, elapsedMs) {
  const running = [...run.running].map(([id, p]) => (p > 0 ? `${id} ${Math.round(p * 100)}%` : id)).join(', ');
  return `v2u-editor: ${run.finished.size}/${Math.max(run.total, run.finished.size)} nodes finished${running ? ` · running ${running}` : ''} · ${(elapsedMs / 1000).toFixed(1)} s`;
}

function fit(text, columns = 80) {
  return text.length < columns ? text : `${text.slice(0, Math.max(0, columns - 2))}…`;
}
