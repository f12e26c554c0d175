/** A CLI command as data: main.ts lists them, prints their help, and runs one. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code; throws CliError for a user's mistake. */
  run(argv: string[]): Promise<number>;
}
