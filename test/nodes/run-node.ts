import { expect } from '@open-wc/testing';
import { configWithDefaults, type NodeDefinition, type NodeOutputs } from '../../src/core/index.js';
import { rowsAtEdge } from '../../src/core/table/index.js';

export interface Run {
  outputs: NodeOutputs;
  logs: unknown[][];
  progress: number[];
}

/**
 * Runs a node's logic as the engine would: config defaults filled, a live signal, log and
 * progress collected. `extra` adds context fields the host supplies (such as `host`).
 */
export async function run(...args: Parameters<typeof runColumns>): Promise<Run> {
  const done = await runColumns(...args);
  // The test is an edge: columnar tables come back as rows, as the page and the CLI get them.
  return { ...done, outputs: rowsAtEdge(done.outputs) };
}

/** `run`, with the outputs as the logic returns them (as a pool worker keeps them): columnar tables stay columns. */
export async function runColumns(node: NodeDefinition, inputs: Record<string, unknown> = {}, config: Record<string, unknown> = {}, signal = new AbortController().signal, extra: Record<string, unknown> = {}): Promise<Run> {
  const logs: unknown[][] = [];
  const progress: number[] = [];
  const context = { ...extra, signal, config: configWithDefaults(node, config), nodeId: 'n1', log: (...args: unknown[]) => logs.push(args) };
  const outputs = await node.processLogic(inputs, context, (fraction) => progress.push(fraction));
  return { outputs, logs, progress };
}

/** The error a run throws; fails the test if it does not throw. */
export async function failure(node: NodeDefinition, inputs: Record<string, unknown> = {}, config: Record<string, unknown> = {}, signal?: AbortSignal, extra?: Record<string, unknown>): Promise<Error & { code?: string }> {
  try {
    await run(node, inputs, config, signal, extra);
  } catch (error) {
    return error as Error & { code?: string };
  }
  expect.fail(`${node.type} should have thrown`);
  throw new Error('unreachable');
}

/** A table of `count` rows with an id, a number and a text column. */
export function numbered(count: number): { id: number; amount: number; name: string }[] {
  return Array.from({ length: count }, (_, i) => ({ id: i, amount: (i * 37) % 1000, name: `n${i % 7}` }));
}
