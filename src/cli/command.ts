/** A CLI command as data: main.ts lists them, prints their help, and runs one. */
export interface Command {
  name: string;
  usage: string;
  /** Returns the process exit code; throws CliError for a user's mistake. */
  run(argv: string[]): Promise<number>;
}

/**
 * A command's entry in the list: its name and summary, and its module loaded
 * only when it runs, so `estatewatch agent` on a ward PC never loads the hub.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
