/**
 * Lays a graph out on the page's shared worker pool (its own chunk, loaded on the first
 * Tidy up or position-less load). The pool falls back to the main thread by itself where
 * workers cannot start, so this works everywhere the editor runs.
 */
import type { LayoutInput, LayoutPositions } from '../../core/auto-layout/layout-input.js';
import type { PoolOptions } from '../pool/pool.js';
import { sharedPool } from '../pool/shared-pool.js';
import { layoutTaskUrl } from './layout-url.js';

/** Top-left corners for every node of `input`; rejects with the pool's plain error when the job fails. */
export async function layoutOnPool(input: LayoutInput, options: PoolOptions = {}, signal?: AbortSignal): Promise<LayoutPositions> {
  const pool = sharedPool(options);
  const release = pool.acquire();
  try {
    const result = await pool.submit(
      { nodeId: 'v2u-layout', moduleUrl: layoutTaskUrl(), inputs: { graph: input }, config: {} },
      { priority: 'high', signal, retries: 0 },
    );
    return result.outputs.positions as LayoutPositions;
  } finally {
    release();
  }
}
