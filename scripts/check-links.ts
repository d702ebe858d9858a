/**
 * npm run test:links [-- <folder>] [--base /reports/] [--site http://localhost:4321]
 *
 * Checks every internal link, #fragment, stylesheet, script and image on every page of a built
 * site, that no page repeats an id, and that nothing is loaded from another origin. Reads the
 * files only: it makes no request. The base path and origin default to the BASE_PATH and SITE_URL
 * the build reads, so it checks dist/ as `npm run build` made it.
 */
import { existsSync } from 'node:fs';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { checkLinks, formatFinding } from '../src/quality/links.ts';
import { loadSiteFacts } from '../src/quality/load-site.ts';

// Exit 2: nothing to check; exit 1: problems found.
await runCommand({ name: 'test:links', refusedStatus: 2 }, async () => {
  const { values, positionals } = parseArguments({
    allowPositionals: true,
    options: {
      base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
      site: { type: 'string', default: process.env['SITE_URL'] ?? 'http://localhost:4321' },
    },
  });
  const root = positionals[0] ?? 'dist';
  if (!existsSync(root)) throw new ReportError(`${root} does not exist: build the site first (npm run build).`);

  const started = performance.now();
  const site = await loadSiteFacts(root);
  const findings = checkLinks(site, { base: values.base, origin: values.site });
  const references = [...site.pages.values()].reduce((n, page) => n + page.references.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (findings.length > 0) {
    console.error(`${findings.length} link problem${findings.length === 1 ? '' : 's'} in ${root}:`);
    for (const finding of findings) console.error(`  ${formatFinding(finding)}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `Links: ${site.pages.size} pages, ${site.stylesheets.size} stylesheets, ${references} references in ${root}: none broken, no repeated id, no request to another origin (${seconds} s).`,
  );
});
