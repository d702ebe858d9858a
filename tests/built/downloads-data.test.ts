/**
 * The open data of the built site (OUT_DIR, default dist; npm test builds first), read back with
 * independent tools: the CSV with csv-parse, the JSON with ajv against the JSON Schema the site
 * publishes, datapackage.json against the Frictionless Data Package profile 2.0 (a copy in
 * tests/fixtures/downloads/). Every exported paragraph is compared with the built chapter page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const DATA = path.join(SITE, 'data');
const read = (file: string) => readFileSync(path.join(DATA, file));
const json = (file: string) => JSON.parse(read(file).toString('utf8'));

/** The chapter page's paragraphs by id, as a reader sees them. */
let published: Map<string, string>;

beforeAll(() => {
  const page = path.join(SITE, '2026/kazakhstan/index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` before this test.`);
  const tree = fromHtml(readFileSync(page, 'utf8'));
  published = new Map(
    selectAll('[data-section-body] p[id]', tree).map((p: Element) => [String(p.properties['id']), toText(p).replace(/\s+/g, ' ').trim()]),
  );
});

describe('the CSV', () => {
  it('has 20 Kazakhstan rows whose text is the page’s paragraphs, read back by csv-parse', () => {
    for (const file of ['2026/2026-kazakhstan.csv', '2026/2026.csv']) {
      const raw = read(file);
      expect(raw.subarray(0, 3).toString('hex'), `${file} starts with a byte-order mark`).not.toBe('efbbbf');
      const rows = parse(raw.toString('utf8'), { columns: true, record_delimiter: '\r\n', relax_quotes: false }) as Record<
        string,
        string
      >[];
      const kazakhstan = rows.filter((r) => r['country'] === 'kazakhstan');
      expect(kazakhstan, file).toHaveLength(20);
      expect(kazakhstan.map((r) => r['id'])).toEqual([...published.keys()]);
      for (const row of kazakhstan) {
        expect(row['text'], `${file} ${row['id']}`).toBe(published.get(row['id'] ?? ''));
        expect(row).toMatchObject({ edition: '2026', country_name: 'Kazakhstan', iso: 'KZ', region: 'Central Asia' });
        expect(row['url']).toMatch(new RegExp(`/2026/kazakhstan/#${row['id']}$`));
      }
    }
  });
});

describe('the JSON', () => {
  /** A fresh validator for one published schema (Ajv keeps each schema's $id once). */
  const validator = (file: string) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(json(file));
    return Object.assign(validate, { explain: () => ajv.errorsText(validate.errors) });
  };

  it('is valid against the JSON Schemas the site publishes, chapter and edition', () => {
    const chapter = validator('schema/chapter.schema.json');
    const edition = validator('schema/edition.schema.json');
    expect(chapter(json('2026/2026-kazakhstan.json')), chapter.explain()).toBe(true);
    expect(edition(json('2026/2026.json')), edition.explain()).toBe(true);
  });

  it('is refused by that schema when a paragraph loses its text (the check can fail)', () => {
    const chapter = validator('schema/chapter.schema.json');
    const broken = json('2026/2026-kazakhstan.json');
    delete broken.sections[0].paragraphs[0].text;
    expect(chapter(broken)).toBe(false);
  });

  it('carries each paragraph’s id, number, permalink and published text, and its links', () => {
    const data = json('2026/2026-kazakhstan.json');
    expect(data.country).toEqual({ slug: 'kazakhstan', name: 'Kazakhstan', iso: 'KZ', region: 'Central Asia' });
    const paragraphs = data.sections.flatMap((s: { paragraphs: unknown[] }) => s.paragraphs);
    expect(paragraphs.map((p: { id: string }) => p.id)).toEqual([...published.keys()]);
    for (const p of paragraphs) {
      expect(p.text, p.id).toBe(published.get(p.id));
      expect(p.id).toBe(`${p.id.replace(/-\d+$/, '')}-${p.n}`);
      expect(new URL(p.url).hash).toBe(`#${p.id}`);
    }
    const links = paragraphs.flatMap((p: { links: unknown[] }) => p.links);
    expect(links).toContainEqual({
      text: 'Human Rights Defenders',
      href: expect.stringMatching(/\/2026\/kazakhstan\/#human-rights-defenders$/),
    });
    // The edition file holds the same chapter.
    expect(json('2026/2026.json').chapters[0].sections).toEqual(data.sections);
  });
});

describe('datapackage.json', () => {
  const descriptor = () => json('datapackage.json');

  it('is valid against the Frictionless Data Package profile', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const profile = JSON.parse(readFileSync('tests/fixtures/downloads/datapackage-profile-2.0.json', 'utf8'));
    const validate = ajv.compile(profile);
    expect(validate(descriptor()), ajv.errorsText(validate.errors)).toBe(true);
    // A resource without a path or data is not one: the profile can fail.
    const broken = descriptor();
    delete broken.resources[0].path;
    expect(validate(broken)).toBe(false);
  });

  it('describes every file with its true size and hash, a licence, and the CSV columns as published', () => {
    const { resources } = descriptor();
    expect(resources.map((r: { path: string }) => r.path)).toEqual(
      expect.arrayContaining([
        '2026/2026.json',
        '2026/2026.csv',
        '2026/2026.epub',
        '2026/2026-kazakhstan.json',
        '2026/2026-kazakhstan.csv',
        '2026/2026-kazakhstan.epub',
      ]),
    );
    for (const resource of resources) {
      const bytes = read(resource.path);
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.hash, resource.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(resource.licenses[0].title).toBeTruthy();
      if (resource.format === 'csv') {
        const header = bytes.toString('utf8').split('\r\n')[0];
        expect(header).toBe(resource.schema.fields.map((f: { name: string }) => f.name).join(','));
      }
    }
  });
});

describe('the /data/ page', () => {
  it('links every file of the data package and gives its size', () => {
    const html = readFileSync(path.join(DATA, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    const hrefs = selectAll('main a[href]', tree).map((a: Element) => String(a.properties['href']));
    for (const resource of json('datapackage.json').resources) {
      expect(hrefs, resource.path).toContain(`/data/${resource.path}`);
    }
    expect(hrefs).toContain('/data/datapackage.json');
    expect(toText(tree)).toMatch(/2026\.json \(JSON, \d+ KB\)/);
  });
});
