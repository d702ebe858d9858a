/**
 * Lighthouse's mobile profile on a served build (npm run lighthouse, scripts/lighthouse.ts): one
 * page of each type chosen from what was built, Lighthouse run in the project's Chromium, and its
 * report read back as category scores against the targets and the audits that cost points.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../lib/problems.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumFlagString } from './chromium.ts';
import { urlVocabulary } from './page-weight.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Issue 7: accessibility, best practices and SEO 100, performance ≥ 98. */
export const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

/** One page of each type, chosen from what was built in `root`; a type with no page is skipped. */
export async function choosePages(
  root: string,
  contentDir: string,
): Promise<{ pages: [name: string, urlPath: string][]; skipped: string[] }> {
  const vocabulary = await urlVocabulary(contentDir);
  const built = (p: string) => existsSync(path.join(root, p, 'index.html'));
  const edition = [...vocabulary.editions]
    .sort()
    .reverse()
    .find((e) => built(e));
  const country = edition ? [...vocabulary.countries].sort().find((c) => built(`${edition}/${c}`)) : undefined;
  const theme = edition ? [...vocabulary.themes].sort().find((t) => built(`${edition}/themes/${t}`)) : undefined;
  const candidates: [string, string | undefined, string][] = [
    ['home', '', 'no home page'],
    ['chapter', edition && country ? `${edition}/${country}/` : undefined, 'no chapter page /<edition>/<country>/ built'],
    ['theme', edition && theme ? `${edition}/themes/${theme}/` : undefined, 'no theme page /<edition>/themes/<theme>/ built yet'],
    ['search', built('search') ? 'search/' : undefined, 'no search page /search/ built yet'],
  ];
  const pages: [string, string][] = [];
  const skipped: string[] = [];
  for (const [name, page, reason] of candidates) {
    if (page === undefined) skipped.push(`${name}: ${reason}`);
    else pages.push([name, page]);
  }
  return { pages, skipped };
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { title: string; score: number | null; displayValue?: string; details?: { items?: { node?: { selector?: string } }[] } }
  >;
  runtimeError?: { message: string };
}

function runLighthouse(url: string, outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      path.resolve('node_modules/lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--form-factor=mobile',
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${chromiumFlagString(CHROMIUM_FLAGS)}`,
      '--output=json',
      '--output=html',
      `--output-path=${outputPath}`,
    ];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new ReportError(`Lighthouse exited with ${code} on ${url}`))));
  });
}

export interface PageAudit {
  /** Score of each of CATEGORIES, 0–100, in that order. */
  scores: number[];
  /** Each category below its target: `performance 91 < 98`. */
  misses: string[];
  /** Each weighted audit that cost points, as one line. */
  costs: string[];
}

/** Audits `url`, saving Lighthouse's reports as <outputPath>.report.html and .json. */
export async function auditPage(url: string, outputPath: string): Promise<PageAudit> {
  await runLighthouse(url, outputPath);
  const report = JSON.parse(await readFile(`${outputPath}.report.json`, 'utf8')) as Report;
  if (report.runtimeError) throw new ReportError(`Lighthouse could not audit ${url}: ${report.runtimeError.message}`);
  const scores = CATEGORIES.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
  const misses: string[] = [];
  CATEGORIES.forEach((category, i) => {
    if (scores[i]! < TARGETS[category]) misses.push(`${category} ${scores[i]} < ${TARGETS[category]}`);
  });
  // Only audits that count towards a score; Lighthouse's "insights" carry no weight.
  const weighted = new Set(CATEGORIES.flatMap((c) => report.categories[c]?.auditRefs.filter((r) => r.weight > 0).map((r) => r.id) ?? []));
  const costs: string[] = [];
  for (const [id, audit] of Object.entries(report.audits)) {
    if (!weighted.has(id) || audit.score === null || audit.score >= 1) continue;
    const where = audit.details?.items?.[0]?.node?.selector;
    costs.push(`${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}${where ? `, e.g. ${where}` : ''}`);
  }
  return { scores, misses, costs };
}
