/**
 * How the importer refuses: one error type, a ReportError (src/lib/problems.ts, the project's one
 * error shape), so that the command prints it as sentences for an editor, never as a stack trace.
 * Every module of the importer throws it; the command tells it apart from a fault (a bug, a full
 * disk) by its type.
 */
import { type Problem, ReportError } from '../lib/problems.ts';

/** One reason an import was refused, located in the source text (the project's one Problem shape). */
export type ImportProblem = Problem;

/**
 * The import was refused; nothing was written. The message is for an editor: what is wrong,
 * where, and what to do. `problems` lists each reason with its line when there are several.
 */
export class ImportError extends ReportError {
  readonly line: number | undefined;
  constructor(message: string, line?: number, options: { problems?: ImportProblem[]; cause?: unknown } = {}) {
    super(message, { problems: options.problems ?? [{ line, message }], cause: options.cause });
    this.line = line;
  }
}
