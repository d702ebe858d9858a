/**
 * The figures the benchmark reports for each edition, how each is shown, and why a figure grows
 * as it does where the site's design explains it.
 */
import type { GrowthVerdict } from '../growth.ts';
import { kb, mb, seconds } from '../units.ts';
import type { Run } from './edition.ts';

/** Pagefind's own code (script, worker, WebAssembly): the part of a search that no content changes. */
const SEARCH_PARTS = {
  code: /\.(js|pagefind)$/,
  meta: /\.pf_meta$|pagefind-entry\.json$/,
  chunk: /\/index\//,
  fragments: /\/fragment\//,
};

const searchPart = (r: Run, part: keyof typeof SEARCH_PARTS) =>
  r.search.files.filter((f) => SEARCH_PARTS[part].test(f.path)).reduce((n, f) => n + f.bytes, 0);

export type Figure = [label: string, value: (r: Run) => number | undefined, show: (n: number) => string];

/** One row each in the main table, and one growth judgement each. */
export const FIGURES: Figure[] = [
  ['build wall time', (r) => r.build.seconds, seconds],
  ['… start-up: config, content validation, content sync', (r) => r.build.phases.startup, seconds],
  ['… collecting build info (content collections)', (r) => r.build.phases.collect, seconds],
  ['… bundling (Vite)', (r) => r.build.phases.bundle, seconds],
  ['… rendering every page', (r) => r.build.phases.render, seconds],
  ['… after rendering (Pagefind index, build hooks)', (r) => r.build.phases.afterRender, seconds],
  ['build peak memory (all processes)', (r) => r.build.peakTreeBytes, mb],
  ['build peak memory (largest process)', (r) => r.build.peakProcessBytes, mb],
  ['dist size', (r) => r.dist.bytes, mb],
  ['Pagefind index (fragments, index chunks, meta)', (r) => r.pagefind.indexBytes, mb],
  ['Pagefind folder (index + fixed JS/CSS/WASM)', (r) => r.pagefind.totalBytes, mb],
  ['first search query, bytes fetched', (r) => r.search.transferred, kb],
  ['… of which Pagefind code (JS, worker, WASM)', (r) => searchPart(r, 'code'), kb],
  ['… of which metadata (an entry per indexed page)', (r) => searchPart(r, 'meta'), kb],
  ['… of which the index chunk holding the word', (r) => searchPart(r, 'chunk'), kb],
  ['… of which five result fragments', (r) => searchPart(r, 'fragments'), kb],
  ['PDF generation, all chapters', (r) => r.pdf.seconds, seconds],
  ['… per chapter (median)', (r) => r.pdf.perChapter?.median, seconds],
  ['offline copy of the edition (ZIP)', (r) => r.offline?.bytes, mb],
  ['… time to make it', (r) => r.offline?.seconds, seconds],
];

/**
 * Why a figure grows as it does, where the cause is known from the site's design. Printed only
 * next to the judgement it explains, so a change in behaviour shows up as an unexplained line.
 */
export const WHY: Record<string, Partial<Record<GrowthVerdict['growth'], string>>> = {
  'build wall time': {
    superlinear:
      'See the phases below and the render time per page: a phase whose cost per country rises is where the extra time goes. Timings are wall-clock on a shared machine (see the load average), so the smaller builds carry a few seconds of noise.',
  },
  'first search query, bytes fetched': {
    linear:
      "Pagefind's code is fixed and its index chunks are cut to a bounded size; what grows is the metadata, one entry per indexed page of every edition.",
    superlinear:
      "Pagefind's code is fixed and its index chunks are cut to a bounded size; what grows is the metadata, one entry per indexed page of every edition.",
  },
  '… of which the index chunk holding the word': {
    flat: 'Pagefind cuts its index into chunks of bounded size, so the chunk a query loads does not grow with the report.',
  },
  '`/`': { linear: 'The home page lists every country (and draws it on the map), so it grows by design.' },
  '`/<edition>/`': { linear: 'The edition page lists every country, so it grows by design.' },
  '`/<edition>/themes/<theme>/`': {
    linear: "A theme page shows every country's section on that theme side by side, so it grows by design: one section per country.",
    sublinear:
      "A theme page shows every country's section on that theme side by side, so it grows with the countries by design; compression makes each added section cheaper.",
  },
};

/** The page type of chapters, whose weight the targets name. */
export const CHAPTER_TYPE = '/<edition>/<country>/';

export const typeOf = (r: Run, type: string) => r.pageTypes.find((t) => t.type === type);
