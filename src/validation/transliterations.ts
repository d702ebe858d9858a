/**
 * content/transliterations.yaml for search: read, parsed and checked against its schema. The build
 * and the search page read it here; `npm run check` reports its problems with lines (validate.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ReportError } from '../lib/problems.ts';
import { type SpellingGroup, transliterationsSchema } from '../schemas/transliteration.ts';
import { CONTENT_DIR } from './paths.ts';

/**
 * Reads and checks `<contentDir>/transliterations.yaml`. A content folder without the file (a
 * synthetic edition, a fixture) simply has no variant spellings. Mistakes fail with the file and
 * the entry, so the editor reads what to fix rather than a stack trace.
 */
export async function readTransliterations(contentDir: string = CONTENT_DIR): Promise<SpellingGroup[]> {
  const file = path.join(contentDir, 'transliterations.yaml');
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseTransliterations(source, file);
}

/** Parses the file's text; exported separately so tests need no file. */
export function parseTransliterations(source: string, file: string): SpellingGroup[] {
  let data: unknown;
  try {
    data = parse(source) ?? [];
  } catch (error) {
    throw new ReportError(`${file}: this is not valid YAML. ${(error as Error).message}`, { cause: error });
  }
  const result = transliterationsSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where =
      issue.path.length > 0
        ? `entry ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? `, ${issue.path.slice(1).join('.')}` : ''}: `
        : '';
    return `  ${where}${issue.message}`;
  });
  throw new ReportError(`${file} has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
