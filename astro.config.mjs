// @ts-check

import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { FIXED_SCRIPT_HASHES, FIXED_STYLE_HASHES, PAGE_CSP_DIRECTIVES, SCRIPT_RESOURCES, STYLE_RESOURCES } from './src/deploy/headers.ts';
import { deployKit } from './src/deploy/integration.ts';
import { contentValidation } from './src/integrations/content-validation.ts';
import { publishedPages } from './src/integrations/published-pages.ts';
import { rehypeExternalLinks } from './src/integrations/rehype-external-links.ts';
import { rehypeParagraphAnchors } from './src/integrations/rehype-paragraph-anchors.ts';
import { remarkSectionLinks } from './src/integrations/remark-section-links.ts';
import { stalePdfs } from './src/integrations/stale-pdfs.ts';
import { pagefindIndex } from './src/search/pagefind-index.ts';
import { CONTENT_DIR } from './src/validation/paths.ts';
import { readThemeLabels } from './src/validation/theme-labels.ts';

/** @typedef {Exclude<NonNullable<NonNullable<import('astro').AstroUserConfig['security']>['csp']>, boolean>} CspConfig */

// Where the site is published, documented in the README:
//   SITE_URL   the origin (and path) readers see, used for canonical and citation URLs
//   BASE_PATH  the sub-path the site is served under, e.g. /reports/ (default /)
//   OUT_DIR    where the build is written (default dist)
//   CONTENT_DIR where the report's content is read from (default content; src/validation/paths.ts)
//   CACHE_DIR  Astro's build cache; separate builds running side by side need their own
const base = process.env.BASE_PATH ?? '/';
// Theme labels name the paragraph permalinks.
const themeLabels = readThemeLabels();

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base,
  outDir: process.env.OUT_DIR ?? 'dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Stylesheets stay files so the CSP can allow styles from 'self' only.
    inlineStylesheets: 'never',
  },
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      // Published text must be the source's, character for character: no curly quotes or dashes.
      smartypants: false,
      gfm: false,
      remarkPlugins: [remarkGfm, [remarkSectionLinks, { base, themeLabels }]],
      rehypePlugins: [rehypeExternalLinks, [rehypeParagraphAnchors, { base, themeLabels }]],
    }),
  },
  // mdx() compiles no section: the sections loader renders them to HTML as they are loaded, with
  // the same compiler (src/integrations/section-loader.ts); it stays for any .mdx page.
  // publishedPages rewrites the pages Pagefind has indexed and prunes Pagefind's output; deployKit
  // (src/deploy/) runs after it, on the final pages: it checks them, writes _headers and the .gz/.br copies.
  integrations: [contentValidation(CONTENT_DIR), mdx(), pagefindIndex(), stalePdfs(CONTENT_DIR), publishedPages(), deployKit()],
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> on every page: everything from this origin only. Astro adds
  // the hashes of any inline script or style it emits; Pagefind's search runs WebAssembly.
  security: {
    csp: {
      // One definition, shared with the deploy kit's response headers (src/deploy/headers.ts).
      directives: /** @type {NonNullable<CspConfig['directives']>} */ ([...PAGE_CSP_DIRECTIVES]),
      // Astro hashes the scripts and styles it bundles; the two inline ones of ours are added here.
      scriptDirective: {
        resources: [...SCRIPT_RESOURCES],
        hashes: /** @type {NonNullable<NonNullable<CspConfig['scriptDirective']>['hashes']>} */ ([...FIXED_SCRIPT_HASHES]),
      },
      styleDirective: {
        resources: [...STYLE_RESOURCES],
        hashes: /** @type {NonNullable<NonNullable<CspConfig['styleDirective']>['hashes']>} */ ([...FIXED_STYLE_HASHES]),
      },
    },
  },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX file triggers this harmless warning (withastro/astro#18087); it would bury real ones.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
        output: {
          // The client code several page scripts share goes into one chunk, not one file per module:
          // a chapter's first visit then fetches two scripts (src/elements/site.ts and this), where
          // each round trip costs a slow or watched connection more than the bytes.
          manualChunks(id) {
            if (/\/src\/(lib|citation|bundle\/storage|elements\/(base|announce|site-search-(pagefind|logic|dom|highlight)))\b/.test(id))
              return 'shared';
            return undefined;
          },
        },
      },
    },
  },
});
