// CPU time of one browser's threads, from Linux /proc: what a heavy run cost in CPU, which a
// shared machine's load changes far less than wall time. Only the browser's own process tree
// counts (other Chromiums may run on the machine).
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10;

function statFields(path) {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The pid `root` and every process below it. */
export function processTree(root) {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      parent.set(pid, statFields(`/proc/${pid}/stat`)[1]);
    } catch {}
  }
  const own = new Set([String(root)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (own.has(ppid) && !own.has(pid)) own.add(pid), (grew = true);
  }
  return [...own];
}

/** Per thread of the tree: its name (`main(pid)` for a process's main thread) and CPU ms so far. */
export function threadTimes(root) {
  const out = new Map();
  if (!root || !readdirSync('/proc').length) return out;
  for (const pid of processTree(root)) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {}
    for (const tid of tids) {
      try {
        const f = statFields(`/proc/${pid}/task/${tid}/stat`);
        const name = tid === pid ? `main(${pid})` : readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        out.set(`${pid}/${tid}`, { name, ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
      } catch {}
    }
  }
  return out;
}

/**
 * CPU ms per kind of thread between two `threadTimes` samples (kinds: worker, GC pool, main,
 * other), in all, and per worker thread (largest first).
 */
export function cpuBetween(before, after) {
  const kinds = { worker: 0, gcPool: 0, main: 0, other: 0 };
  const workers = [];
  for (const [key, { name, ms }] of after) {
    const spent = ms - (before.get(key)?.ms ?? 0);
    if (spent <= 0) continue;
    if (name === 'DedicatedWorker') workers.push(spent);
    const kind = name === 'DedicatedWorker' ? 'worker' : name.startsWith('ThreadPool') ? 'gcPool' : name.startsWith('main(') ? 'main' : 'other';
    kinds[kind] += spent;
  }
  return { ...kinds, all: kinds.worker + kinds.gcPool + kinds.main + kinds.other, workers: workers.sort((a, b) => b - a) };
}
