/**
 * npm run import -- <file.txt> --country <slug> --edition <year> [--force]
 * Turns a chapter exported from the published PDF into one MDX section per theme.
 */
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importChapter, ImportError } from '../src/lib/chapter-import.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { contentPaths, validateContent } from '../src/lib/validate-content.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    country: { type: 'string' },
    edition: { type: 'string' },
    force: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
  },
});

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(1);
}

const [file] = positionals;
if (!file || !values.country || !values.edition) {
  fail('usage: npm run import -- <file.txt> --country <slug> --edition <year> [--force]');
}
const paths = contentPaths(values.content);
const content = await validateContent({ ...paths, sections: path.join(values.content, 'sections') });
if (!content.vocabulary.countries.includes(values.country)) fail(`unknown country "${values.country}" (see content/countries.yaml).`);
if (!content.vocabulary.editions.includes(values.edition)) fail(`unknown edition "${values.edition}" (see content/editions.yaml).`);

let text: string;
try {
  text = await readFile(file, 'utf8');
} catch {
  fail(`cannot read ${file}.`);
}
let report;
try {
  report = importChapter(text, { edition: values.edition, country: values.country, themes: content.themes });
} catch (error) {
  if (error instanceof ImportError) fail(`${file}${error.line ? `:${error.line}` : ''}: ${error.message}`);
  throw error;
}

const dir = path.join(paths.sections, values.edition, values.country);
if (!values.force) {
  for (const section of report.sections) {
    const target = path.join(dir, `${section.theme}.mdx`);
    const exists = await access(target).then(() => true, () => false);
    if (exists) fail(`${target} exists; pass --force to overwrite.`);
  }
}
await mkdir(dir, { recursive: true });
for (const section of report.sections) {
  await writeFile(path.join(dir, `${section.theme}.mdx`), section.mdx);
}
const after = await validateContent(paths);
if (after.problems.length) fail(formatProblems(after.problems));
console.log(
  `Imported ${file}: ${report.sections.length} sections, ${report.paragraphsJoined} paragraphs joined, ` +
    `${report.linksMade} links made, ${report.linksDropped} links dropped.`,
);
for (const warning of report.warnings) console.log(`  warning: ${warning}`);
