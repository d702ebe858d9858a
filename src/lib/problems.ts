/** One thing wrong with the content, located precisely enough for an editor to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number | undefined;
  /** Dotted field path (`theme`, `kazakhstan.iso`), when the problem is about one field. */
  field?: string | undefined;
  /** A whole sentence: what is wrong, what is allowed, and a suggestion where one exists. */
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  return `${where}  ${field}${problem.message}`;
}

/** All problems as one report, sorted by file and line so an editor can walk through them. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  const count = `${sorted.length} content problem${sorted.length === 1 ? '' : 's'}`;
  return `${count}:\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
}

/** Thrown by the build when content is invalid; the message carries every problem. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.problems = problems;
    this.name = 'ContentError';
  }
}
