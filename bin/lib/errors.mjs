/** A problem with what the person typed or gave: printed as one line, never with a stack. */
export class CliError extends Error {
  name = 'CliError';
  /** @param {string} message @param {number} [exitCode] */
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** One line for stderr: known input errors as they are, a flow error prefixed with its source. */
export function errorLine(error, source) {
  const message = String(error?.message ?? error).replace(/\s*\n\s*/g, ' ');
  return error?.name === 'V2uError' && source ? `${source}: ${message}` : message;
}

/** Exit code for an error thrown by a command: 2 for bad input, 1 for anything unexpected. */
export function exitCodeOf(error) {
  if (error?.name === 'CliError') return error.exitCode;
  return error?.name === 'V2uError' ? 2 : 1;
}

const FS_ERRORS = { ENOENT: 'no such file or folder', EISDIR: 'it is a folder', ENOTDIR: 'not a folder', EACCES: 'permission denied' };

/** A file-system error as a few words, for a one-line message. */
export function fsReason(error) {
  return FS_ERRORS[error?.code] ?? error?.message ?? String(error);
}
