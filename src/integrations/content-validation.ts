import type { AstroIntegration } from 'astro';
import { formatProblem, formatProblems } from '../lib/problems.ts';
import { contentPaths } from '../validation/paths.ts';
import { validateContent } from '../validation/validate.ts';

/**
 * Checks all content before Astro loads it, so a build with bad content fails with every
 * problem listed (file, line, field) rather than Astro's first schema error.
 *
 * A build with problems prints them as `npm run check` does and exits 1 here: an error thrown from
 * a hook is printed by Astro as "An unhandled error occurred while running the astro:config:setup
 * hook" with its location and a stack trace, which buries the list an editor needs. Nothing has
 * been written yet at this hook, so ending the process leaves the last site as it was.
 */
export function contentValidation(contentDir: string): AstroIntegration {
  return {
    name: 'report:content-validation',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const { problems, warnings } = await validateContent(contentPaths(contentDir));
        // Published as written, but an editor should look (invisible characters in testimony).
        for (const warning of warnings) logger.warn(formatProblem(warning));
        if (problems.length === 0) return;
        logger.error(formatProblems(problems));
        // In dev the server keeps running so the editor can fix the files and see the change.
        if (command === 'build') process.exit(1);
      },
    },
  };
}
