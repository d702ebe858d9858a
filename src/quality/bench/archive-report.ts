/**
 * The archive benchmark's report (archive.ts measures): the part of docs/bench.md on archives of
 * many editions, issue 13's targets judged from the runs, and the estimate for an archive that was
 * not measured whole. Made from the runs alone, so it can be rewritten from docs/bench.json.
 */
import { kb, mb, seconds } from '../units.ts';
import { ARCHIVE_TARGETS, type ArchiveRun, type ArchiveStopped } from './archive.ts';
import { type FetchCost, FIRST_QUERY } from './archive-search.ts';

function table(head: string[], body: string[][]): string {
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const kind = (f: FetchCost, pattern: RegExp) => f.files.filter((x) => pattern.test(x.path)).reduce((n, x) => n + x.bytes, 0);
const SEARCH_KINDS: [string, RegExp][] = [
  ['Pagefind code (JS, WASM)', /\.(js|pagefind)$/],
  ['metadata (an entry per indexed section)', /\.pf_meta$|pagefind-entry\.json$/],
  ['filter index (counts on the search page)', /\/filter\//],
  ['index chunks holding the words', /\/index\//],
  ['result fragments', /\/fragment\//],
];

/** The commits the kept runs measured, for a report written from them later. */
function measuredAt(runs: readonly ArchiveRun[]): string {
  const commits = [...new Set(runs.map((r) => r.commit ?? 'an unrecorded commit'))];
  return `measured at ${commits.join(', ')}`;
}

/** What a figure would be at `sections`, extending its growth per section between two runs in a straight line. */
function extend(a: ArchiveRun, b: ArchiveRun, sections: number, value: (r: ArchiveRun) => number): number {
  const perSection = (value(b) - value(a)) / (b.sections - a.sections);
  return value(b) + perSection * (sections - b.sections);
}

/** Estimates for the target archive from the two largest complete runs, when it was not measured whole. */
export function archiveEstimate(runs: readonly ArchiveRun[], stopped: readonly ArchiveStopped[]) {
  const [a, b] = [...runs].sort((x, y) => x.sections - y.sections).slice(-2);
  if (!a || !b || b.editions >= 15 || a.sections === b.sections) return undefined;
  const target = stopped.find((s) => s.editions === 15);
  const sections = target?.sections ?? Math.round((b.sections / b.editions) * 15);
  const at = (value: (r: ArchiveRun) => number) => extend(a, b, sections, value);
  return {
    from: [a.editions, b.editions] as const,
    sections,
    buildSeconds: at((r) => r.build.seconds),
    peakTreeBytes: at((r) => r.build.peakTreeBytes),
    rebuildSeconds: at((r) => r.rebuild.seconds),
    distBytes: at((r) => r.dist.bytes),
    indexBytes: at((r) => r.pagefind.indexBytes),
    searchNewest: at((r) => r.search.newest.search.bytes),
    searchAll: at((r) => r.search.all.search.bytes),
  };
}

/** Whether the 15-edition archive meets each of issue 13's targets, in sentences: measured, stopped or estimated. */
export function archiveTargets(runs: readonly ArchiveRun[], stopped: readonly ArchiveStopped[] = []): string[] {
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const full = runs.find((r) => r.editions === 15);
  const cut = stopped.find((r) => r.editions === 15);
  const estimate = archiveEstimate(runs, stopped);
  const largest = [...runs].sort((x, y) => x.sections - y.sections).at(-1);
  const lines: string[] = [];
  const est = (n: number, show: (n: number) => string, limit: number) =>
    `estimated ${show(n)} (a straight line from ${estimate?.from.join(' and ')} editions, not measured) — ${n < limit ? 'probably met' : '**probably not met**'}`;
  if (full) {
    lines.push(
      `- Full build under 10 minutes on 2 cores (15 editions, ${full.sections} sections): ${seconds(full.build.seconds)} — ${met(full.build.seconds < ARCHIVE_TARGETS.buildSeconds)}.`,
    );
    lines.push(
      `- Peak memory under 4 GB (all processes of the build): ${mb(full.build.peakTreeBytes)} — ${met(full.build.peakTreeBytes < ARCHIVE_TARGETS.peakBytes)}.`,
    );
  } else {
    const time = cut?.failed
      ? `the build failed after ${seconds(cut.stoppedAfter)} (${cut.failed}) — **not met**`
      : cut?.buildFinished
        ? `${seconds(cut.stoppedAfter)} — ${met(cut.stoppedAfter < ARCHIVE_TARGETS.buildSeconds)}`
        : cut && cut.stoppedAfter >= ARCHIVE_TARGETS.buildSeconds
          ? `still building when stopped after ${seconds(cut.stoppedAfter)} — **not met**`
          : estimate
            ? est(estimate.buildSeconds, seconds, ARCHIVE_TARGETS.buildSeconds)
            : 'not measured';
    const memory = cut?.failed
      ? `at least ${mb(cut.peakTreeBytes)} in use when the build failed (${cut.failed}) — **not met**`
      : cut?.buildFinished
        ? `${mb(cut.peakTreeBytes)} — ${met(cut.peakTreeBytes < ARCHIVE_TARGETS.peakBytes)}`
        : cut && cut.peakTreeBytes >= ARCHIVE_TARGETS.peakBytes
          ? `${mb(cut.peakTreeBytes)} in use before the build was stopped — **not met**`
          : estimate
            ? `${est(estimate.peakTreeBytes, mb, ARCHIVE_TARGETS.peakBytes)}${cut ? `; ${mb(cut.peakTreeBytes)} in use when the unfinished build was stopped` : ''}`
            : 'not measured';
    lines.push(`- Full build under 10 minutes on 2 cores (15 editions, ${estimate?.sections ?? cut?.sections ?? '?'} sections): ${time}.`);
    lines.push(`- Peak memory under 4 GB (all processes of the build): ${memory}.`);
  }
  const searched = full ?? largest;
  if (searched) {
    for (const [label, pick, guess] of [
      ['newest edition, the default', (r: ArchiveRun) => r.search.newest, estimate?.searchNewest],
      ['edition=all', (r: ArchiveRun) => r.search.all, estimate?.searchAll],
    ] as const) {
      const s = pick(searched);
      const measured = `${kb(s.search.bytes)} at ${searched.editions} editions`;
      const bytes =
        full || guess === undefined
          ? `${measured} — ${met(s.search.bytes < ARCHIVE_TARGETS.searchBytes)}`
          : `${measured}; at 15 ${est(guess, kb, ARCHIVE_TARGETS.searchBytes)}`;
      lines.push(
        `- First search on the search page under 100 KB compressed, runtime included (${label}): ${bytes}.`,
        `- Results under 100 ms median from keystroke (${label}): ${s.median.toFixed(0)} ms at ${searched.editions} editions — ${met(s.median < ARCHIVE_TARGETS.searchMs)}${full ? '' : ' there (not measured at 15)'}.`,
      );
    }
  }
  return lines;
}

export interface ArchiveContext {
  commit: string;
  machine: string;
  seconds: number;
  date: Date;
}

/** The archive part of docs/bench.md, from the runs alone (so it can be rewritten from docs/bench.json). */
export function archiveMarkdown(runs: readonly ArchiveRun[], context: ArchiveContext, stopped: readonly ArchiveStopped[] = []): string {
  const header = ['editions', ...runs.map((r) => String(r.editions))];
  const row = (label: string, value: (r: ArchiveRun) => string) => [label, ...runs.map(value)];
  const opt = (n: number | undefined, show: (n: number) => string) => (n === undefined ? 'n/a' : show(n));
  const rows = [
    row('sections (54 countries × 27 themes, less the missing country-years)', (r) => String(r.sections)),
    row('country-years not covered', (r) => String(r.missingChapters)),
    row('HTML pages', (r) => String(r.pages)),
    row('load average before the build', (r) => r.build.loadBefore.toFixed(1)),
    row('build wall time (cold)', (r) => seconds(r.build.seconds)),
    row('build CPU time (user + system; less swayed by the load)', (r) => opt(r.build.cpuSeconds, seconds)),
    row('… start-up: config, content validation, content sync', (r) => opt(r.build.phases.startup, seconds)),
    row('… collecting build info (content validation, sections rendered into the content store)', (r) =>
      opt(r.build.phases.collect, seconds),
    ),
    row('… bundling (Vite)', (r) => opt(r.build.phases.bundle, seconds)),
    row('… rendering every page', (r) => opt(r.build.phases.render, seconds)),
    row('… of which the /data/ downloads', (r) => opt(r.build.phases.downloads, seconds)),
    row('… after rendering (build hooks)', (r) => opt(r.build.phases.afterRender, seconds)),
    row('… of which the Pagefind indexes', (r) => opt(r.build.phases.pagefind, seconds)),
    row('… of which the precompressed copies (.gz, .br)', (r) => opt(r.build.phases.precompress, seconds)),
    row('build peak memory (all processes)', (r) => mb(r.build.peakTreeBytes)),
    row('build peak memory (largest process)', (r) => opt(r.build.peakProcessBytes, mb)),
    row('rebuild after one section changes (as npm run build: cache kept, swapped in)', (r) => seconds(r.rebuild.seconds)),
    row('… its CPU time', (r) => opt(r.rebuild.cpuSeconds, seconds)),
    row('… of which rendering every page', (r) => opt(r.rebuild.phases?.render, seconds)),
    row('… of which the Pagefind indexes (unchanged editions taken from the last build)', (r) => opt(r.rebuild.phases?.pagefind, seconds)),
    row('… of which the precompressed copies (unchanged files taken from the last build)', (r) =>
      opt(r.rebuild.phases?.precompress, seconds),
    ),
    row('dist size', (r) => mb(r.dist.bytes)),
    row('Pagefind index (fragments, index chunks, filters, meta)', (r) => mb(r.pagefind.indexBytes)),
    row('Pagefind folder (index + fixed JS/CSS/WASM)', (r) => mb(r.pagefind.totalBytes)),
  ];
  // A phase Astro's log did not give for any archive is left out rather than shown as n/a throughout.
  const shown = rows.filter((cells) => cells.slice(1).some((cell) => cell !== 'n/a'));
  rows.splice(0, rows.length, ...shown);
  for (const [label, pick] of [
    ['newest edition (`/search/`, the default)', (r: ArchiveRun) => r.search.newest],
    ['all editions (`/search/?edition=all`)', (r: ArchiveRun) => r.search.all],
  ] as const) {
    rows.push(
      row(`first search, ${label}: bytes fetched`, (r) => `${kb(pick(r).search.bytes)} (${pick(r).search.requests} requests)`),
      ...SEARCH_KINDS.map(([what, pattern]) =>
        row(`… of which ${what}`, (r) =>
          pick(r).search.files.some((x) => pattern.test(x.path)) ? kb(kind(pick(r).search, pattern)) : 'none fetched',
        ),
      ),
      row('… keystroke to results, median (p90)', (r) => {
        const t = [...pick(r).timings].sort((a, b) => a - b);
        return `${pick(r).median.toFixed(0)} ms (${t[Math.ceil(t.length * 0.9) - 1]?.toFixed(0)} ms)`;
      }),
    );
  }
  rows.push(row('the search page itself (HTML, CSS, scripts), not counted above', (r) => kb(r.search.newest.page.bytes)));

  const cut = stopped
    .map((r) =>
      r.failed
        ? `The ${r.editions}-edition archive (${r.sections} sections, ${r.missingChapters} country-years not covered) was built too: ` +
          `the build **failed** after ${seconds(r.stoppedAfter)} (${r.failed}), with at least ${mb(r.peakTreeBytes)} in use by its ` +
          `processes (load average ${r.loadBefore.toFixed(1)} before it). Its figures are not in the table.`
        : r.buildFinished
          ? `The ${r.editions}-edition archive (${r.sections} sections, ${r.missingChapters} country-years not covered) was built cold in ` +
            `${seconds(r.stoppedAfter)} with a peak of ${mb(r.peakTreeBytes)} (all processes; load average ${r.loadBefore.toFixed(1)} before it); ` +
            'the run was stopped before its rebuild and search were measured, so it is not in the table.'
          : `The ${r.editions}-edition archive (${r.sections} sections, ${r.missingChapters} country-years not covered) was built too and ` +
            `stopped unfinished after ${seconds(r.stoppedAfter)} (the run's \`--limit\`), with ${mb(r.peakTreeBytes)} in use by its ` +
            `processes by then (load average ${r.loadBefore.toFixed(1)} before it). Its figures are not in the table.`,
    )
    .join('\n\n');
  const estimate = archiveEstimate(runs, stopped);
  const estimated = estimate
    ? `Estimated for 15 editions (${estimate.sections} sections), extending each figure's growth per section from the
${estimate.from[0]}- to the ${estimate.from[1]}-edition archive in a straight line (an estimate, not a measurement; a cost that grows faster
than the sections makes it low): build ${seconds(estimate.buildSeconds)}, peak memory ${mb(estimate.peakTreeBytes)}, rebuild
${seconds(estimate.rebuildSeconds)}, dist ${mb(estimate.distBytes)}, Pagefind index ${mb(estimate.indexBytes)}, first search
${kb(estimate.searchNewest)} (newest edition) and ${kb(estimate.searchAll)} (edition=all).`
    : '';
  const all = [...runs.map((r) => r.editions), ...stopped.map((r) => r.editions)].sort((x, y) => x - y);

  return `## The archive: many editions

Generated by \`npm run bench -- --archive ${all.join(',')}\` (scripts/bench.ts, src/quality/bench/archive.ts); do not
edit by hand. Run ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${context.commit} (with the working tree as it was),
on ${context.machine}, ${Number.isNaN(context.seconds) ? `from the figures each archive run kept in its work folder (\`--from-work\`), ${measuredAt(runs)}` : `in ${context.seconds.toFixed(0)} s`}.

Each archive is SYNTHETIC (src/quality/synthetic.ts, \`archive: true\`, seed 1): 54 countries × 27 themes per
edition, newest 2026; each older edition is the next newer one with about one paragraph in three changed by a
sentence and one in ten shortened by one, so compare pages have words to mark; about one country in ten
joined later than the oldest edition and one country-year in fifty is missing, so "not covered" appears. Every
page says it is synthetic. Builds are cold (empty cache), one at a time, with the project's real build; the
rebuild appends a paragraph to one section of the newest edition and builds again as \`npm run build\` does
(src/quality/swap-build.ts: into a fresh folder beside the site, swapped in, the last site then removed; its
time includes the swap), with the cache folder kept: Astro's, and the build cache (src/build-cache/), from
which the search index of each edition whose pages did not change and the .gz/.br copies of unchanged files
are taken. The search page is measured in Debian's Chromium against the build served by
src/quality/static-server.ts (compressed as a host would, Pagefind's files as their brotli copies): bytes are
every response under \`pagefind/\` from opening the page until it is idle after the results of "${FIRST_QUERY}"
are on screen (eight results). The filters' counts are fetched only when a reader turns to the filters or
arrives with one chosen: so not on \`/search/\`, and on \`edition=all\`, a choice, they are. Each edition has
its own index: the default search loads the newest edition's; \`edition=all\` merges the others in. Keystroke to results is the search page's field, from the key that completes
each of 20 queries to the frame after its results or status change (the 40 ms debounce included).

${table(header, rows)}

${[cut, estimated].filter(Boolean).join('\n\n')}

Targets (issue 13), for 15 editions × 54 countries:

${archiveTargets(runs, stopped).join('\n')}
`;
}
