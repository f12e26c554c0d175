/** The one error the CLI turns into a message and an exit code; only main catches it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
