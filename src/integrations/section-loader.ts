/**
 * The sections collection's loader: every `sections/<edition>/<country>/<theme>.mdx`, its
 * frontmatter checked by the collection's schema and its body rendered to HTML here, once
 * (src/integrations/section-html.ts), rather than left to @astrojs/mdx as one module per section
 * for Vite to bundle. Pages then show `entry.rendered` through astro:content's render(), as they
 * would a Markdown entry's.
 *
 * What a rendered section depends on is in its digest: the file's text, the markdown options of
 * astro.config.mjs (the base path and theme labels the plugins are given), the source of the
 * plugins' modules and the lockfile. A build with Astro's cache kept renders again only the sections whose digest
 * changed, and an edit to a plugin renders them all again rather than publish stale HTML.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnifiedProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { sectionRenderer } from './section-html.ts';

/** Bumped by hand only if rendering changes in a way neither the sources nor the lockfile show. */
const RENDER_VERSION = '1';

/** Local modules the section pipeline is made of, followed through their relative imports. */
const PIPELINE_ENTRIES = ['./section-html.ts', './remark-section-links.ts', './rehype-external-links.ts', './rehype-paragraph-anchors.ts'];

/** The pipeline's own source files: the entries and every local module they import, as absolute paths. */
export async function pipelineFiles(): Promise<string[]> {
  const seen = new Set<string>();
  const queue = PIPELINE_ENTRIES.map((entry) => fileURLToPath(new URL(entry, import.meta.url)));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) queue.push(path.resolve(path.dirname(file), match[1]!));
  }
  return [...seen].sort();
}

/**
 * A digest of what the rendering runs: the pipeline's sources (by their path within the project,
 * so a moved checkout keeps its cache) and the lockfile, which pins every package it uses.
 */
async function pipelineSource(root: string): Promise<string> {
  const hash = createHash('sha256').update(RENDER_VERSION);
  for (const file of await pipelineFiles()) hash.update(path.relative(root, file)).update(await readFile(file, 'utf8'));
  hash.update(await readFile(path.join(root, 'package-lock.json'), 'utf8').catch(() => 'no lockfile'));
  return hash.digest('hex');
}

/** The section files under `dir`, as paths relative to it with forward slashes, sorted. */
async function sectionFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export function sectionLoader(sectionsDir: string): Loader {
  return {
    name: 'report:sections',
    load: async (context: LoaderContext) => {
      const { config, store, parseData, generateDigest, watcher } = context;
      const processor = config.markdown.processor;
      if (!processor || !isUnifiedProcessor(processor)) {
        throw new Error(
          'Sections are rendered with the remark and rehype plugins of a unified() markdown processor; astro.config.mjs sets none.',
        );
      }
      const render = sectionRenderer(processor.options, config.markdown.syntaxHighlight);
      // The options hold the base path and the theme labels the plugins write into the HTML.
      const options = JSON.stringify(processor.options, (_key, value) => (typeof value === 'function' ? value.name : value));
      const root = fileURLToPath(config.root);
      const pipeline = `${options}\n${await pipelineSource(root)}`;
      const dir = path.resolve(root, sectionsDir);

      const sync = async (relativePath: string) => {
        const file = path.join(dir, relativePath);
        const contents = await readFile(file, 'utf8');
        const id = relativePath.replace(/\.mdx$/, '');
        const digest = generateDigest(`${pipeline}\n${contents}`);
        if (store.get(id)?.digest === digest) return id;
        // Frontmatter lines become blank lines, so the compiler's line numbers are the file's.
        const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
        const data = await parseData({ id, data: frontmatter, filePath: file });
        let rendered: Awaited<ReturnType<typeof render>>;
        try {
          rendered = await render(content, frontmatter, file);
        } catch (error) {
          throw new Error(`${path.relative(process.cwd(), file)}: the section could not be rendered: ${(error as Error).message}`, {
            cause: error,
          });
        }
        store.set({
          id,
          data,
          body: content.trim(),
          filePath: path.relative(root, file).split(path.sep).join('/'),
          digest,
          rendered: { html: rendered.html, metadata: { frontmatter: rendered.frontmatter } },
        });
        return id;
      };

      const kept = new Set<string>();
      for (const relativePath of await sectionFiles(dir)) kept.add(await sync(relativePath));
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);

      // `astro dev`: an edited, added or removed section is loaded again.
      if (!watcher) return;
      watcher.add(dir);
      const inSections = (changed: string) => changed.startsWith(`${dir}${path.sep}`) && changed.endsWith('.mdx');
      const onChange = async (changed: string) => {
        if (!inSections(changed)) return;
        try {
          await sync(path.relative(dir, changed).split(path.sep).join('/'));
        } catch (error) {
          context.logger.error((error as Error).message);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (removed) => {
        if (inSections(removed))
          store.delete(
            path
              .relative(dir, removed)
              .split(path.sep)
              .join('/')
              .replace(/\.mdx$/, ''),
          );
      });
    },
  };
}
