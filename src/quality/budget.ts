/**
 * The performance budget (npm run budget, scripts/budget.ts), measured on a built site: every
 * chapter page under 50 KB compressed (its HTML and stylesheets, gzip, without search), and the
 * first search query under 100 KB fetched. KB is 1,000 bytes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReportError } from '../lib/problems.ts';
import { urlVocabulary, weighPageTypes } from './page-weight.ts';
import { runBuild } from './run-build.ts';
import { measureFirstSearch } from './search-cost.ts';
import { serveStatic } from './static-server.ts';
import { writeSyntheticContent } from './synthetic.ts';
import { KB, kb } from './units.ts';

export const CHAPTER_BUDGET = 50 * KB;
export const SEARCH_BUDGET = 100 * KB;
const CHAPTER = '/<edition>/<country>/';

export interface Figures {
  site: string;
  chapters: number;
  heaviestChapter: string;
  chapterBytes: number;
  searchBytes: number;
  searchRequests: number;
  /** Every page type, for the report's own figures (the budget itself is on the chapter). */
  types: Awaited<ReturnType<typeof weighPageTypes>>;
}

/** Measures the build `dist` (of `contentDir`, for `base`), served on `port`; `site` names it in the report. */
export async function measureBudget(site: string, dist: string, contentDir: string, base: string, port: number): Promise<Figures> {
  const types = await weighPageTypes(dist, base, await urlVocabulary(contentDir));
  const chapters = types.find((t) => t.type === CHAPTER);
  if (!chapters) throw new ReportError(`${dist} has no chapter page (${CHAPTER}); is it a build of the report?`);
  const server = await serveStatic(dist, { port, base });
  try {
    const search = await measureFirstSearch(server);
    if (search.foreign.length) throw new ReportError(`The search contacted another origin: ${search.foreign.join(', ')}`);
    return {
      site,
      chapters: chapters.pages,
      heaviestChapter: chapters.heaviest.page,
      // Without search: the chapter's HTML and stylesheets, not the scripts that enhance it.
      chapterBytes: chapters.heaviest.html.gzip + chapters.heaviest.css.gzip,
      searchBytes: search.transferred,
      searchRequests: search.requests,
      types,
    };
  } finally {
    await server.close();
  }
}

/** Builds a 10-country SYNTHETIC edition in a temporary folder, measures it, and removes it. */
export async function measureSyntheticBudget(port: number, log: (line: string) => void): Promise<Figures> {
  const work = await mkdtemp(path.join(tmpdir(), 'report-budget-'));
  try {
    log(`building a 10-country SYNTHETIC edition in ${work}`);
    const contentDir = path.join(work, 'content');
    await writeSyntheticContent(contentDir, { countries: 10 });
    const dist = path.join(work, 'dist');
    const build = await runBuild({ contentDir, outDir: dist, cacheDir: path.join(work, 'cache') });
    log(`built in ${build.seconds.toFixed(1)} s; measuring`);
    return await measureBudget('10 synthetic countries', dist, contentDir, '/', port);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The table row of one site, and each breach of the budget it shows. */
export function judgeBudget(r: Figures): { row: string; breaches: string[] } {
  const chapterOk = r.chapterBytes < CHAPTER_BUDGET;
  const searchOk = r.searchBytes < SEARCH_BUDGET;
  const breaches: string[] = [];
  if (!chapterOk) breaches.push(`${r.site}: chapter ${r.heaviestChapter} is ${kb(r.chapterBytes)} compressed, over ${kb(CHAPTER_BUDGET)}`);
  if (!searchOk) breaches.push(`${r.site}: the first search fetches ${kb(r.searchBytes)}, over ${kb(SEARCH_BUDGET)}`);
  return {
    row: `| ${r.site} | ${kb(r.chapterBytes)} (${r.heaviestChapter}, of ${r.chapters}) | ${chapterOk ? 'ok' : 'OVER'} < ${kb(CHAPTER_BUDGET)} | ${kb(r.searchBytes)} in ${r.searchRequests} requests | ${searchOk ? 'ok' : 'OVER'} < ${kb(SEARCH_BUDGET)} |`,
    breaches,
  };
}
