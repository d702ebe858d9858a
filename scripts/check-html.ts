/**
 * npm run test:html [-- <folder>]
 *
 * Runs the Nu Html Checker (vnu-jar, on the machine's Java) over every HTML page, stylesheet and
 * SVG of a built site (default dist/). Fails on any error, and on any warning not allowed, with a
 * reason, in src/quality/html-validity.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { formatVnuMessage, judge } from '../src/quality/html-validity.ts';
import { listFiles } from '../src/quality/site.ts';
import { runVnu } from '../src/quality/vnu.ts';

// Exit 2: nothing to check, or the checker could not run; exit 1: problems found.
await runCommand({ name: 'test:html', refusedStatus: 2 }, async () => {
  const root = path.resolve(process.argv[2] ?? 'dist');
  if (!existsSync(root)) throw new ReportError(`${root} does not exist: build the site first (npm run build).`);

  const started = performance.now();
  const files = (await listFiles(root)).filter((f) => /\.(html|css|svg)$/.test(f));
  const pages = files.filter((f) => f.endsWith('.html')).length;
  if (pages === 0) throw new ReportError(`${root} has no HTML page to check.`);
  const verdict = judge(await runVnu(files.map((f) => path.join(root, f))));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const allowedNote = verdict.allowed.length
    ? `; ${verdict.allowed.length} warning${verdict.allowed.length === 1 ? '' : 's'} allowed (${[...new Set(verdict.allowed.map((a) => a.reason))].join('; ')})`
    : '';
  if (verdict.failures.length > 0) {
    console.error(`${verdict.failures.length} HTML problem${verdict.failures.length === 1 ? '' : 's'} found by the Nu Html Checker:`);
    for (const message of verdict.failures) console.error(`  ${formatVnuMessage(message, root)}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `HTML: ${pages} pages and ${files.length - pages} stylesheets/SVGs valid per the Nu Html Checker${allowedNote} (${seconds} s).`,
  );
});
