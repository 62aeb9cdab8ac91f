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
  /** A coordinate or zoom outside `LIMITS` (document.ts). */
  outOfRange: 'out-of-range',
  /** A value JSON cannot carry: BigInt, Map, Date, a class instance, NaN, a cycle, … */
  notJson: 'not-json',
  /** More values than a document may hold (`maxValues`), e.g. an object shared exponentially. */
  tooLarge: 'too-large',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * The error every core entry point throws for bad input. `path` is a JSON path such as
 * `$.nodes[3].position.x`, so a person can find the offending spot in their document.
 */
export class V2uError extends Error {
  override name = 'V2uError';
  readonly path: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    path = '$',
  ) {
    super(clip(path !== '$' && message.includes(path) ? message : `${path}: ${message}`, MESSAGE_LIMIT));
    // A path is as long as the nesting (at most 64 levels) unless a key is huge.
    this.path = clip(path, MESSAGE_LIMIT / 2);
  }
}

/** Most characters of a person's input an error message quotes (`quote`). */
export const QUOTE_LIMIT = 200;
/** Longest error message: a safety net for messages that quote input without `quote`. */
export const MESSAGE_LIMIT = 2000;

/**
 * Input as an error message shows it: JSON-quoted, and past `limit` characters cut with an
 * ellipsis and the original length, so a 10 MB value makes a short message, not a 10 MB one.
 *
 * @example
 * quote('x'.repeat(1e7)); // "xxx…" (10,000,000 characters)
 */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, limit)).slice(0, -1)}…" (${text.length.toLocaleString('en')} characters)`;
}

/** `text` cut to `limit` characters with an ellipsis and the original length; short text unchanged. */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length.toLocaleString('en')} characters)`;
}

/** True for a V2uError, including one that crossed a realm or a worker as a plain object. */
export function isV2uError(error: unknown): error is V2uError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'V2uError';
}
