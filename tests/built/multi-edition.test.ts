/**
 * A report grows by countries and by editions. A small fixture with two editions and two
 * countries, built for real, shows that every edition stays reachable, /<country>/ leads to the
 * newest chapter, and previous/next links stay within an edition.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'two-editions-'));
const out = path.join(work, 'dist');
const page = (p: string) => readFileSync(path.join(out, p), 'utf8');

beforeAll(() => {
  const build = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: 'tests/fixtures/two-editions',
      OUT_DIR: out,
      CACHE_DIR: path.join(work, 'cache'),
    },
  });
  if (build.status !== 0) throw new Error(`The fixture build failed:\n${build.stdout}${build.stderr}`);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a report with two editions and two countries', () => {
  it('builds every edition’s chapters', () => {
    expect(page('2025/kazakhstan/index.html')).toContain('Fixture text for kazakhstan in 2025.');
    expect(page('2026/armenia/index.html')).toContain('Fixture text for armenia in 2026.');
  });

  it('links every edition from every page, marking the one shown', () => {
    const home = page('index.html');
    expect(home).toMatch(/aria-label="Editions"/);
    expect(home).toMatch(/<a href="\/2025\/"[^>]*>Review 2025<\/a>/);
    expect(page('2025/kazakhstan/index.html')).toMatch(/<a href="\/2026\/"[^>]*>Review 2026<\/a>/);
  });

  it('sends /<country>/ to the newest edition’s chapter', () => {
    expect(page('kazakhstan/index.html')).toContain('content="0; url=/2026/kazakhstan/"');
  });

  it('links previous and next countries within the same edition only', () => {
    const armenia = page('2026/armenia/index.html');
    const kazakhstan = page('2026/kazakhstan/index.html');
    expect(armenia).toMatch(/<a rel="next"[^>]*href="\/2026\/kazakhstan\/"/);
    expect(armenia).not.toMatch(/rel="prev"/);
    expect(kazakhstan).toMatch(/<a rel="prev"[^>]*href="\/2026\/armenia\/"/);
    expect(page('2025/kazakhstan/index.html')).not.toMatch(/rel="(prev|next)"/);
  });
});

describe('a corrected section (Armenia, Education, 2026 in the fixture)', () => {
  it('shows the correction above its text and in the chapter’s list of corrections', () => {
    const armenia = page('2026/armenia/index.html');
    expect(armenia).toMatch(
      /Corrected on <time datetime="2026-02-01"[^>]*>1 February 2026<\/time>:<\/strong> Fixture correction of a misspelt name\./,
    );
    expect(armenia).toMatch(/<h2 id="corrections-heading"[^>]*>Corrections<\/h2>/);
    expect(page('2026/armenia/education/index.html')).toMatch(/Corrected on <time datetime="2026-02-01"[^>]*>1 February 2026/);
  });

  it('is listed on its edition’s corrections page, and no other', () => {
    expect(page('2026/corrections/index.html')).toMatch(/<a href="\/2026\/armenia\/#education"[^>]*>Armenia, Education<\/a>/);
    expect(page('2025/corrections/index.html')).toContain('No correction has been made to the Review 2025 since it was published.');
  });

  it('is cited as the version of the correction’s date, in every format', () => {
    expect(page('2026/armenia/education/citation.bib')).toContain('note = {Version of 1 February 2026}');
    expect(page('2026/armenia/citation.ris')).toContain('N1  - Version of 1 February 2026');
    expect(page('2026/armenia/index.html')).toContain('(Version of 1 February 2026)');
    expect(page('2026/armenia/education/index.html')).toContain('"dateModified":"2026-02-01"');
    expect(page('2026/kazakhstan/citation.bib')).not.toContain('Version of');
  });

  it('is announced in the feed, with its date', () => {
    const feed = page('feed.xml');
    expect(feed).toContain('<title>Correction: Armenia, Education (Review 2026)</title>');
    expect(feed).toContain('<pubDate>Sun, 01 Feb 2026 00:00:00 GMT</pubDate>');
  });
});
