// The shape every CLI command has. Commands live one per file in cli/commands/ and are
// listed in cli/commands/index.ts; they parse their own flags and call lib/.
export interface Command {
  name: string;
  /** One line for `bitext help`. */
  summary: string;
  /** Usage text shown by `bitext help NAME` and on a usage error. */
  usage: string;
  /** Returns the process exit code. Writes results to stdout, diagnostics to stderr. */
  run(args: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Bad input data (unreadable file, empty text, …): printed as is, exit code 1. */
export class InputError extends Error {}
