// Apart from errors.ts: only the engine and the worker pool (lazy chunks) report these, so
// they stay out of the core chunk the editor loads before first paint.

/** Codes of run-time failures: the engine and the worker pool report these on nodes and tasks. */
export const RunErrorCodes = {
  unknownNodeType: 'unknown-node-type',
  nodeFailed: 'node-failed',
  badNodeModule: 'bad-node-module',
  taskTimeout: 'task-timeout',
  workerCrashed: 'worker-crashed',
  cancelled: 'cancelled',
  dependencyFailed: 'dependency-failed',
  workerUnavailable: 'worker-unavailable',
  /** An input kept in a worker is gone (the worker was replaced); its node runs again. */
  resultLost: 'result-lost',
  /** A worker thread went over its heap limit; it was replaced. */
  outOfMemory: 'out-of-memory',
  /** A value to send through the queue is larger than its configured limit. */
  tooLarge: 'too-large',
  /** The queue (Redis) did not answer in time, or went away mid-run. */
  queueUnavailable: 'queue-unavailable',
} as const;

export type RunErrorCode = (typeof RunErrorCodes)[keyof typeof RunErrorCodes];
