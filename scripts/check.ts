/**
 * npm run check: validates all content, then type-checks the code (astro check), without building
 * pages. Prints every problem, not only the first, and exits non-zero if there is any.
 *
 *   npm run check                       the project's content/
 *   npm run check -- --content <dir>    another content folder (the tests' fixtures use this)
 *   npm run check -- --content-only     skip the type check
 */
import { spawnSync } from 'node:child_process';
import { runCommand } from '../src/lib/command.ts';
import { formatProblem, formatProblems } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { CONTENT_DIR, contentPaths } from '../src/validation/paths.ts';
import { validateContent } from '../src/validation/validate.ts';

await runCommand({ name: 'check' }, async () => {
  const values = parseArguments({
    options: {
      content: { type: 'string', default: CONTENT_DIR },
      'content-only': { type: 'boolean', default: false },
    },
  }).values;
  const report = await validateContent(contentPaths(values.content));
  let failed = false;
  // Warnings never fail the check: the text is published as written, but an editor should look.
  if (report.warnings.length > 0) {
    const count = `${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}`;
    console.warn(
      `${count} (published as written; check each against the source):\n${report.warnings.map((w) => `  ${formatProblem(w)}`).join('\n')}`,
    );
  }
  if (report.problems.length > 0) {
    console.error(formatProblems(report.problems));
    failed = true;
  } else {
    console.log(
      `Content: ${report.sections.length} sections, ${report.countries.length} countries, ${report.themes.length} themes, ${report.editions.length} editions — all valid.`,
    );
  }

  if (!values['content-only']) {
    // astro check also type-checks .astro files, which tsc alone cannot.
    const types = spawnSync('astro', ['check'], {
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: values.content },
    });
    if (types.status !== 0) failed = true;
  }
  if (failed) process.exitCode = 1;
});
