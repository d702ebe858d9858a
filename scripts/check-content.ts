/**
 * npm run test:content [-- --content <dir>]
 *
 * The content lint of src/validation/lint.ts, on top of the rules `npm run check` already
 * applies (run that first: this step reports only what it adds). Exits non-zero on any problem.
 */
import { runCommand } from '../src/lib/command.ts';
import { formatProblems, ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { lintContent } from '../src/validation/lint.ts';
import { CONTENT_DIR, contentPaths } from '../src/validation/paths.ts';
import { validateContent } from '../src/validation/validate.ts';

await runCommand({ name: 'test:content' }, async () => {
  const paths = contentPaths(parseArguments({ options: { content: { type: 'string', default: CONTENT_DIR } } }).values.content);
  const report = await validateContent(paths);
  // Content too broken to lint (a data file missing) is explained by the problems `npm run check` reports.
  const problems = await lintContent(report, paths).catch((error: unknown) => {
    if (report.problems.length === 0) throw error;
    throw new ReportError(formatProblems(report.problems), { problems: report.problems, cause: error });
  });
  if (problems.length > 0) {
    console.error(formatProblems(problems));
    process.exitCode = 1;
    return;
  }
  console.log(
    `Content lint: ${report.sections.length} sections, ${report.countries.length} countries, ${report.themes.length} themes — no scheme-less or wordless link, every missing source found, no shared ISO code or theme heading.`,
  );
});
