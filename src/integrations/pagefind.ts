import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Pagefind reports problems as a list of strings; any of them fails the build. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Builds the search index into <outDir>/pagefind after every build, through Pagefind's Node API,
 * so an indexing error stops the build instead of shipping a site whose search is silently broken.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'report:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        assertNoErrors('start', errors);
        if (!index) throw new Error('Pagefind returned no index.');
        try {
          const added = await index.addDirectory({ path: outDir });
          assertNoErrors('index the built pages', added.errors);
          if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${outDir}.`);
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          assertNoErrors('write the index', written.errors);
          logger.info(`Indexed ${added.page_count} page${added.page_count === 1 ? '' : 's'} for search.`);
        } finally {
          // Pagefind runs as a child process; close it even when indexing failed.
          await close();
        }
      },
    },
  };
}
