/**
 * The benchmark's report: the text of docs/bench.md (tables of every figure by edition, page
 * weights and render times by page type, how each figure grows, the targets, the method), and
 * the growth verdicts and targets docs/bench.json records with the runs.
 */
import { type GrowthVerdict, judgeGrowth } from '../growth.ts';
import { KB, kb } from '../units.ts';
import type { Run } from './edition.ts';
import { CHAPTER_TYPE, FIGURES, typeOf, WHY } from './figures.ts';

export interface ReportContext {
  /** Short commit hash the run was made at. */
  commit: string;
  /** Cores, CPU model, memory and Node version. */
  machine: string;
  /** Number of cores, for the build-time target. */
  cores: number;
  /** Seconds the whole run took. */
  seconds: number;
  /** When the run was made. */
  date: Date;
  /** Why the PDF job was not measured, if it was not. */
  pdfSkip: string | undefined;
}

export interface BenchReport {
  markdown: string;
  growth: Record<string, GrowthVerdict>;
  targets: string[];
}

function table(head: string[], body: string[][]): string {
  const lines = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

/** How each figure, and each page type's weight, grows from the first run to the last. */
function growthOf(runs: readonly Run[], types: readonly string[]): { lines: string[]; data: Record<string, GrowthVerdict> } {
  const lines: string[] = [];
  const data: Record<string, GrowthVerdict> = {};
  if (runs.length <= 1) return { lines, data };
  const points = (value: (r: Run) => number | undefined) =>
    runs.flatMap((r) => {
      const v = value(r);
      return v === undefined ? [] : [{ countries: r.countries, value: v }];
    });
  for (const [label, value, show] of FIGURES) {
    const p = points(value);
    if (p.length < 2) continue;
    const verdict = judgeGrowth(p, show);
    data[label] = verdict;
    lines.push(`- **${label}**: ${verdict.summary}${WHY[label]?.[verdict.growth] ? ` ${WHY[label][verdict.growth]}` : ''}`);
  }
  for (const type of types) {
    const p = points((r) => typeOf(r, type)?.heaviest.total.gzip);
    if (p.length < 2) continue;
    const verdict = judgeGrowth(p, kb);
    data[`page ${type}`] = verdict;
    const why = WHY[`\`${type}\``]?.[verdict.growth];
    lines.push(`- **\`${type}\` page (gzip)**: ${verdict.summary}${why ? ` ${why}` : ''}`);
  }
  return { lines, data };
}

/** The targets of the issue, met or missed, for the runs that measure them (54 and 10 countries). */
function targetsOf(runs: readonly Run[], cores: number): string[] {
  const at = (n: number) => runs.find((r) => r.countries === n);
  const targets: string[] = [];
  const largest = at(54);
  if (largest) {
    const ok = largest.build.seconds < 60;
    targets.push(
      `- Full build of the 54-country edition under 60 s on this ${cores}-core machine: ${largest.build.seconds.toFixed(1)} s — ${ok ? 'met' : '**MISSED**'}.`,
    );
  }
  const ten = at(10);
  if (ten) {
    const chapter = typeOf(ten, CHAPTER_TYPE);
    if (chapter) {
      const htmlCss = chapter.heaviest.html.gzip + chapter.heaviest.css.gzip;
      targets.push(
        `- Chapter page under 50 KB compressed, HTML+CSS without search (10 countries, heaviest chapter, gzip): ${kb(htmlCss)} — ${htmlCss < 50 * KB ? 'met' : '**MISSED**'} (\`npm run budget\` checks it).`,
      );
    }
    targets.push(
      `- First search query under 100 KB (10 countries): ${kb(ten.search.transferred)} — ${ten.search.transferred < 100 * KB ? 'met' : '**MISSED**'} (\`npm run budget\` checks it).`,
    );
  }
  return targets;
}

export function benchReport(runs: readonly Run[], context: ReportContext): BenchReport {
  const header = ['countries', ...runs.map((r) => String(r.countries))];
  const row = (label: string, cell: (r: Run) => string) => [label, ...runs.map(cell)];
  const types = [...new Set(runs.flatMap((r) => r.pageTypes.map((t) => t.type)))].sort();
  const rows: string[][] = [
    row('sections (27 themes each)', (r) => String(r.sections)),
    row('HTML pages', (r) => String(r.pages)),
    row('load average before the build (other work on the machine)', (r) => r.build.loadBefore.toFixed(1)),
    row('link check / Nu Html Checker problems', (r) => `${r.quality.linkProblems} / ${r.quality.htmlProblems}`),
    ...FIGURES.map(([label, value, show]) =>
      row(label, (r) => {
        const v = value(r);
        if (v !== undefined) return show(v);
        return label.startsWith('PDF') || label.includes('per chapter') ? 'skipped' : 'n/a';
      }),
    ),
  ];
  const typeRows: string[][] = types.map((type) => [
    `\`${type}\``,
    ...runs.map((r) => {
      const t = typeOf(r, type);
      return t ? `${kb(t.heaviest.total.gzip)} / ${kb(t.heaviest.total.brotli)} (${t.pages})` : '—';
    }),
  ]);
  const renderRows: string[][] = types.map((type) => [
    `\`${type}\``,
    ...runs.map((r) => (r.build.renderMs[type] !== undefined ? `${r.build.renderMs[type]} ms` : '—')),
  ]);
  const growth = growthOf(runs, types);
  const targets = targetsOf(runs, context.cores);
  const { pdfSkip } = context;

  const markdown = `# Benchmark: how the site's cost grows with the report

Generated by \`npm run bench\` (scripts/bench.ts); do not edit by hand. Run ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC
at commit ${context.commit} (with the working tree as it was), on ${context.machine}, in ${context.seconds.toFixed(0)} s.

Each edition is SYNTHETIC: every country has a section for each of the 27 themes, written from shuffled
sentences of the Kazakhstan chapter (src/quality/synthetic.ts, seed 1), and every page says so. Builds are cold
(empty cache), one at a time, with the project's real build. KB and MB are 1,000 and 1,000,000 bytes.

${table(header, rows)}

Heaviest page of each type: HTML + the CSS and JS it loads, gzip level 9 / brotli quality 11 (number of pages of the type):

${table(header, typeRows)}

Median time Astro took to render one page of each type (from its build log; a per-page time that rises with the
countries is a cost that grows faster than the number of pages):

${table(header, renderRows)}

How each figure grows from ${runs[0]?.countries} to ${runs.at(-1)?.countries} ${runs.at(-1)?.countries === 1 ? 'country' : 'countries'} (the cost of each added country, early versus late):

${growth.lines.join('\n')}

Targets:

${targets.join('\n')}

Method: peak memory is sampled every 200 ms over the build's whole process tree (Pagefind indexes in a child
process), and GNU time gives the largest single process. The first search runs Pagefind's JS API in Debian's
Chromium (\`import('/pagefind/pagefind.js')\`, \`init()\`, \`search('propaganda')\`, \`data()\` of the first five
results) against the site served by src/quality/static-server.ts, which compresses text as a host would;
bytes are counted by the server (bodies on the wire plus headers). PDF: ${pdfSkip ? `not measured: ${pdfSkip}.` : '`npm run pdf -- --site <build> --out <build>/pdf` timed on each build (every chapter, one PDF each).'}
`;
  return { markdown, growth: growth.data, targets };
}
