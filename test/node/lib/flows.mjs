// Runs a flow file on an executor and gives what must match across executors: the report
// without timings, and every node's complete outputs.
import { readFile } from 'node:fs/promises';
import { report } from '../../../bin/lib/report.mjs';
import { builtInLibrary, runFlow } from '../../../bin/lib/run-flow.mjs';

export const DEMO_FLOWS = ['order-analytics', 'pricing-rules', 'customer-cleanup'].map((name) => `demo/flows/${name}.json`);

/** The run's report (no durations) and full outputs, as one comparable object. */
export async function comparableRun(file, executor, libraries = [builtInLibrary]) {
  const result = await runFlow(await readFile(file, 'utf8'), { libraries, executor, fullOutputs: () => true });
  return { report: withoutTimings(report(result)), outputs: Object.fromEntries(result.outputs) };
}

/** A printed report without what differs from run to run: durations. */
export function withoutTimings(value) {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'durationMs' ? undefined : v)));
}
