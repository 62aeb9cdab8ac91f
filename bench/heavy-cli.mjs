// `node bench/heavy-cli.mjs [--rows=N] [--runs=N]`: the heavy run (order analytics, four
// branches, 1,000,000 rows) on the CLI's worker threads, one thread and in-process, beside the
// browser pool's figures from the same run (bench/run.mjs --scenarios=heavy-run, full
// settings). Writes bench/results/heavy-cli/latest.{json,md}.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './lib/stats.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROWS = arg('rows', 1_000_000);
const RUNS = arg('runs', 3);
const OUT = 'bench/results/heavy-cli';
const SHAPES = [
  ['shared', 'one source, 4 branches'],
  ['independent', '4 sources of ¼ of the rows, 1 branch each'],
];
// A million row objects take more than the default 256 MB heap per thread (the group nodes
// fail with an error naming the limit), so the threads get 2 GB here, as a person would set.
const HEAP = ['--heap-mb', '2048'];
const MODES = [
  ['worker threads (2)', ['--threads', '2', ...HEAP]],
  ['one worker thread', ['--threads', '1', ...HEAP]],
  ['in-process', ['--in-process']],
];

const load = () => loadavg().map((n) => n.toFixed(2)).join(' / ');

/** One CLI run: the run's own duration (from --json) and the whole process's wall time. */
function runCli(file, flags) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['bin/v2u-editor.mjs', 'run', file, '--json', '--timeout', '600000', ...flags], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - started;
  const report = JSON.parse(result.stdout);
  if (report.status !== 'done') throw new Error(`${file} ${flags.join(' ')}: ${report.status}`);
  return { run: report.durationMs, wall };
}

const loadBefore = load();
const dir = mkdtempSync(join(tmpdir(), 'v2u-heavy-'));
const cli = [];
for (const [shape, label] of SHAPES) {
  const file = join(dir, `${shape}.json`);
  writeFileSync(file, JSON.stringify(orderFlow(ROWS, shape)));
  const times = Object.fromEntries(MODES.map(([name]) => [name, []]));
  // Modes interleaved run by run, so a slow spell of the shared machine hits all alike.
  for (let r = 0; r < RUNS; r++) for (const [name, flags] of MODES) times[name].push(runCli(file, flags));
  for (const [name] of MODES) cli.push({ shape: label, mode: name, runMs: median(times[name].map((t) => t.run)), wallMs: median(times[name].map((t) => t.wall)), runs: times[name] });
}

// The browser pool, same rows, same machine, right after.
const browserOut = join(OUT, 'browser');
console.log(JSON.stringify(cli.map(({ runs, ...c }) => c), null, 1));
execFileSync(process.execPath, ['bench/run.mjs', '--editors=none', '--scenarios=heavy-run', `--out=${browserOut}`], { stdio: 'inherit' });
const browser = readFileSync(join(browserOut, 'latest.md'), 'utf8');
const heavyRows = browser
  .split('\n')
  .filter((line) => /\| (Run time|Longest|Pool speedup)/.test(line))
  .map((line) => `|${line.split('|').slice(2, 5).join('|')}|`);
const loadAfter = load();

mkdirSync(OUT, { recursive: true });
const meta = { date: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model, rows: ROWS, runs: RUNS, loadBefore, loadAfter };
writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify({ ...meta, cli, browser: heavyRows }, null, 2)}\n`);
const md = [
  `# Heavy run: the CLI's worker threads beside the browser pool`,
  '',
  `${meta.date}, ${meta.cores} cores (${meta.cpu}), ${ROWS.toLocaleString('en')} rows, median of ${RUNS}; load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after.`,
  '',
  '## CLI (`v2u-editor run --json`, threads with `--heap-mb 2048`: the default 256 MB is too small for a million rows): the run as the engine timed it, and the whole process',
  '',
  '| flow | executor | run, ms | process, ms |',
  '|---|---|---:|---:|',
  ...cli.map((c) => `| ${c.shape} | ${c.mode} | ${Math.round(c.runMs)} | ${Math.round(c.wallMs)} |`),
  '',
  ...SHAPES.map(([, label]) => {
    const of = (mode) => cli.find((c) => c.shape === label && c.mode === mode).runMs;
    return `Worker threads (2) over one thread, ${label}: ${(of('one worker thread') / of('worker threads (2)')).toFixed(2)}×.`;
  }),
  '',
  '## Browser (headless Chromium, `bench/run.mjs --scenarios=heavy-run`, full settings), same machine, right after',
  '',
  '| Figure | V2U in the browser | Target |',
  '|---|---|---|',
  ...heavyRows,
  '',
].join('\n');
writeFileSync(join(OUT, 'latest.md'), md);
console.log(md);
