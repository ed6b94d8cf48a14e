/** A failure to report as one line, without a stack trace. exitCode 2 means wrong usage. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
