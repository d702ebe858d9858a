/**
 * npm run offline [-- --edition 2026 …] [--site <built site>] [--out <folder>]
 *
 * Makes the offline copy of each edition of the built site (OUT_DIR, default dist): one ZIP that
 * opens from disk (src/downloads/offline.ts), written to DOWNLOADS_DIR (default downloads/) with a
 * sidecar recording the content it was built from. The next `npm run build` publishes each copy
 * under /data/<edition>/ while that content is still current, and leaves out a stale one.
 * Prints a line per edition and a summary; a refusal is one sentence (exit 1), never a stack.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeOfflineCopy } from '../src/downloads/offline.ts';
import { DOWNLOADS_DIR } from '../src/downloads/offline-digest.ts';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { formatBytes } from '../src/pdf/link.ts';
import { parseArguments } from '../src/quality/arguments.ts';

const USAGE = 'Usage: npm run offline [-- --edition <year> …] [--site <built site>] [--out <folder>]';

await runCommand({ name: 'offline', onFault: 'Copies already written are whole. ' }, () => {
  const { values } = parseArguments(
    {
      options: {
        edition: { type: 'string', multiple: true, default: [] as string[] },
        site: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' },
        out: { type: 'string', default: DOWNLOADS_DIR },
        help: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return;
  }
  let editions = values.edition;
  if (editions.length === 0) {
    try {
      editions = readdirSync(path.join(values.site, 'data')).filter((name) => /^\d{4}$/.test(name));
    } catch {
      throw new ReportError(`${values.site} holds no built site with downloads (no data/ folder): run \`npm run build\` first.`);
    }
  }
  if (editions.length === 0) throw new ReportError(`${values.site}/data/ lists no edition: run \`npm run build\` first.`);
  mkdirSync(values.out, { recursive: true });
  const made = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  let total = 0;
  editions.forEach((edition, index) => {
    const t = performance.now();
    const result = makeOfflineCopy({ site: values.site, edition, out: values.out, made });
    total += result.bytes;
    console.log(
      `[${index + 1}/${editions.length}] ${result.file}: ${result.files} files, ${formatBytes(result.bytes)}, ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  });
  console.log(
    `Made ${editions.length} offline cop${editions.length === 1 ? 'y' : 'ies'} (${formatBytes(total)}) in ${((performance.now() - started) / 1000).toFixed(1)} s into ${values.out}/.`,
  );
  console.log('Run `npm run build` again to publish them under /data/.');
});
