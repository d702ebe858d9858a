import type { AstroIntegration } from 'astro';
import { ContentError, formatProblems } from '../lib/problems.ts';
import { contentPaths } from '../validation/paths.ts';
import { validateContent } from '../validation/validate.ts';

/**
 * Checks all content before Astro loads it, so a build with bad content fails with every
 * problem listed (file, line, field) rather than Astro's first schema error.
 */
export function contentValidation(contentDir: string): AstroIntegration {
  return {
    name: 'report:content-validation',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const { problems } = await validateContent(contentPaths(contentDir));
        if (problems.length === 0) return;
        // In dev the server keeps running so the editor can fix the files and see the change.
        if (command === 'dev') logger.error(formatProblems(problems));
        else throw new ContentError(problems);
      },
    },
  };
}
