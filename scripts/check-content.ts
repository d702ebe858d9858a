/**
 * npm run test:content [-- --content <dir>]
 *
 * The content lint of src/validation/lint.ts, on top of the rules `npm run check` already
 * applies (run that first: this step reports only what it adds). Exits non-zero on any problem.
 */
import { parseArgs } from 'node:util';
import { formatProblems } from '../src/lib/problems.ts';
import { lintContent } from '../src/validation/lint.ts';
import { validateContent } from '../src/validation/validate.ts';
import { CONTENT_DIR, contentPaths } from '../src/validation/paths.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: CONTENT_DIR } } });
const paths = contentPaths(values.content);
const report = await validateContent(paths);
const problems = await lintContent(report, paths);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Content lint: ${report.sections.length} sections, ${report.countries.length} countries, ${report.themes.length} themes — no scheme-less or wordless link, every missing source found, no shared ISO code or theme heading.`);
