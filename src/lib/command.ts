/**
 * How every command-line job ends: a refusal (a ReportError) is printed as its sentences with exit
 * code 1; anything else is a fault, printed as one sentence with exit code 2. DEBUG=1 adds the
 * stack, for whoever reports the fault. Commands never end on an uncaught stack trace.
 */
import { ReportError } from './problems.ts';

export interface CommandOptions {
  /** Prefix of every line printed on failure, e.g. `import`. */
  name: string;
  /** Exit code for a refusal (default 1). */
  refusedStatus?: number;
  /** Said after a fault's message: what state the job leaves things in. */
  onFault?: string;
}

/** Prints a message with the command's name on its first line and the rest indented under it. */
export function printFailure(name: string, message: string): void {
  console.error(message.replace(/^/gm, (_, offset: number) => (offset === 0 ? `${name}: ` : '  ')));
}

/** Runs a command's body; see the module comment for how it ends. */
export async function runCommand(options: CommandOptions, main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (process.env['DEBUG']) console.error(error);
    if (error instanceof ReportError) {
      printFailure(options.name, error.message);
      process.exit(options.refusedStatus ?? 1);
    }
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    printFailure(
      options.name,
      `stopped on an unexpected error: ${message}. ${options.onFault ?? ''}Run it again with DEBUG=1 for the details, and report it if it persists.`,
    );
    process.exit(2);
  }
}
