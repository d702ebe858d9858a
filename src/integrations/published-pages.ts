/**
 * Last touches to the built site, after Pagefind has written its index:
 *
 * - The Content-Security-Policy <meta> goes first in <head> (after the charset, which must come
 *   within the first bytes). Astro writes it at the end of <head>, after our inline style and
 *   script and the stylesheet links; a policy in a <meta> applies only to what follows it, so
 *   whatever an attacker managed to place before it would escape it.
 * - Pagefind's three UI bundles (pagefind-ui, -modular-ui, -component-ui: 318 KB that build HTML
 *   with innerHTML) are not published: the site's own elements call pagefind.js directly, and a
 *   published gadget that writes markup is one an injection could reuse.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Pagefind's UI bundles, which the site does not use. */
export const UNUSED_PAGEFIND_FILES = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/;

const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;

/** The page with its CSP <meta> moved to the start of <head> (just after <meta charset>). */
export function cspFirst(html: string): string {
  const meta = CSP_META.exec(html)?.[0];
  if (!meta) return html;
  const without = html.replace(meta, '');
  const charset = /<meta charset="?[\w-]+"?\s*\/?>/i.exec(without);
  const head = /<head(?:\s[^>]*)?>/i.exec(without);
  const anchor = charset && head && charset.index > head.index ? charset : head;
  if (!anchor) return html;
  const at = anchor.index + anchor[0].length;
  return `${without.slice(0, at)}${meta}${without.slice(at)}`;
}

export function publishedPages(): AstroIntegration {
  return {
    name: 'report:published-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
        let pages = 0;
        for (const entry of entries) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = path.join(entry.parentPath, entry.name);
          const html = await readFile(file, 'utf8');
          const moved = cspFirst(html);
          if (moved !== html) {
            await writeFile(file, moved);
            pages++;
          }
        }
        const pagefindDir = path.join(outDir, 'pagefind');
        const unused = (await readdir(pagefindDir).catch(() => [] as string[])).filter((name) => UNUSED_PAGEFIND_FILES.test(name));
        await Promise.all(unused.map((name) => rm(path.join(pagefindDir, name))));
        logger.info(`CSP first in <head> on ${pages} pages; ${unused.length} unused Pagefind UI files not published.`);
      },
    },
  };
}
