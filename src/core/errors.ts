/**
 * The one catalogue of error codes the core reports. Hosts branch on `code`, never on
 * the message text, so messages may improve without breaking anyone.
 */
export const ErrorCodes = {
  badJson: 'bad-json',
  wrongType: 'wrong-type',
  missingField: 'missing-field',
  badValue: 'bad-value',
  duplicateId: 'duplicate-id',
  missingNode: 'missing-node',
  missingPort: 'missing-port',
  cycle: 'cycle',
  typeMismatch: 'type-mismatch',
  selfLoop: 'self-loop',
  inputTaken: 'input-taken',
  duplicateEdge: 'duplicate-edge',
  futureVersion: 'future-version',
  forbiddenKey: 'forbidden-key',
  tooDeep: 'too-deep',
  badPortType: 'bad-port-type',
  missingGroup: 'missing-group',
  badDefinition: 'bad-definition',
  unknownNodeType: 'unknown-node-type',
  badBundle: 'bad-bundle',
  loadFailed: 'load-failed',
  elementClash: 'element-clash',
  missingInput: 'missing-input',
  badInput: 'bad-input',
  badConfig: 'bad-config',
  badExpression: 'bad-expression',
  expressionLimit: 'expression-limit',
  missingColumn: 'missing-column',
  httpFailed: 'http-failed',
  originDenied: 'origin-denied',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * The error every core entry point throws for bad input. `path` is a JSON path such as
 * `$.nodes[3].position.x`, so a person can find the offending spot in their document.
 */
export class V2uError extends Error {
  override name = 'V2uError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path = '$',
  ) {
    super(path !== '$' && message.includes(path) ? message : `${path}: ${message}`);
  }
}

/** True for a V2uError, including one that crossed a realm or a worker as a plain object. */
export function isV2uError(error: unknown): error is V2uError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'V2uError';
}

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
} as const;

export type RunErrorCode = (typeof RunErrorCodes)[keyof typeof RunErrorCodes];
