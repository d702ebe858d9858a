/**
 * The project's one error shape. Every expected failure (bad content, a refused import, a PDF job
 * that cannot start) is a `Problem` value, or a `ReportError` carrying them; every command prints
 * them through `runCommand` (src/lib/command.ts), so an editor reads file, line and what to do,
 * never a stack trace.
 */

/** One thing wrong, located precisely enough for an editor to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root, when the problem is in a file. */
  file?: string | undefined;
  /** 1-based line in that file, when known. */
  line?: number | undefined;
  /** Dotted field path (`theme`, `kazakhstan.iso`), when the problem is about one field. */
  field?: string | undefined;
  /** A whole sentence: what is wrong, what is allowed, and a suggestion where one exists. */
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.file ? (problem.line ? `${problem.file}:${problem.line}  ` : `${problem.file}  `) : '';
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where}${field}${problem.message}`;
}

/** All problems as one report, sorted by file and line so an editor can walk through them. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
  const count = `${sorted.length} content problem${sorted.length === 1 ? '' : 's'}`;
  return `${count}:\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
}

/**
 * The base of every expected failure: its message is for the person who ran the command and says
 * what to do; `problems` lists each located reason when there are several. Anything thrown that is
 * not a ReportError is a fault (a bug, a full disk) and is reported as such.
 */
export class ReportError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, options: { problems?: readonly Problem[] | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.problems = options.problems ?? [{ message }];
  }
}

/** Content is invalid; the message carries every problem. Thrown by the build. */
export class ContentError extends ReportError {
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems), { problems });
  }
}
