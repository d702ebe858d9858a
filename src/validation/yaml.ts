/**
 * YAML with line numbers: the data files and each section's frontmatter are parsed here, and zod's
 * issues are turned into problems that name the file, the line and the field.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'astro/zod';
import { type Document, isMap, LineCounter, parseDocument, visit } from 'yaml';
import type { Problem } from '../lib/problems.ts';
import { didYouMean } from '../lib/suggest.ts';
import { relative } from './paths.ts';

/** A YAML document with a way to turn a key path into a line number. */
export interface ParsedYaml {
  doc: Document;
  /** The line of a character offset in the source, in the file's numbering. */
  lineAt(offset: number): number;
  lineOf(fieldPath: readonly PropertyKey[]): number | undefined;
}

export function parseYaml(source: string, file: string, lineOffset: number, problems: Problem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  for (const error of doc.errors) {
    problems.push({
      file: relative(file),
      line: lineAt(error.pos[0]),
      message: `is not valid YAML: ${error.message.split('\n')[0]}`,
    });
  }
  if (doc.errors.length > 0) return undefined;
  return {
    doc,
    lineAt,
    lineOf(fieldPath) {
      // Walk up to the deepest node that exists, so a missing field points at its parent.
      for (let depth = fieldPath.length; depth >= 0; depth--) {
        const node = doc.getIn(fieldPath.slice(0, depth), true) as { range?: [number, number] } | undefined;
        if (node?.range) return lineAt(node.range[0]);
      }
      return undefined;
    },
  };
}

/**
 * The document's value, or undefined with a problem when it cannot be made: the YAML library
 * refuses documents whose aliases would expand without bound ("billion laughs"), and says so by
 * throwing, which would otherwise end check, build and import on a stack trace naming no file.
 */
export function yamlToJS<T>(yaml: ParsedYaml, file: string, problems: Problem[], empty: T): T | undefined {
  try {
    return (yaml.doc.toJS({ maxAliasCount: 100 }) ?? empty) as T;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    let line: number | undefined;
    visit(yaml.doc, {
      Alias(_, node) {
        line = node.range ? yaml.lineAt(node.range[0]) : undefined;
        return visit.BREAK;
      },
    });
    problems.push({
      file: relative(file),
      line: line ?? 1,
      message: `cannot be read: ${reason}. YAML aliases (*name) may repeat a value a few times, not expand into thousands; write the values out.`,
    });
    return undefined;
  }
}

/** Turns zod's issues into problems an editor can act on. */
export function zodProblems(
  error: z.ZodError,
  input: unknown,
  file: string,
  prefix: readonly PropertyKey[],
  yaml: ParsedYaml,
  knownFields: readonly string[],
): Problem[] {
  return error.issues.map((issue) => {
    const fieldPath = [...prefix, ...issue.path];
    const field = fieldPath.map(String).join('.') || undefined;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys;
      message =
        `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${k}\``).join(', ')}.` +
        (keys.length === 1 ? didYouMean(keys[0]!, knownFields) : '') +
        (issue.path.length === 0 ? ` Allowed fields: ${knownFields.join(', ')}.` : '');
    } else if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      message = 'is missing; this field is required.';
    }
    return { file: relative(file), line: yaml.lineOf(fieldPath), field, message };
  });
}

function valueAt(input: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The line of a top-level key itself (lineOf gives its value's, often the line below). */
function keyLine(yaml: ParsedYaml, key: string): number | undefined {
  if (!isMap(yaml.doc.contents)) return undefined;
  const pair = yaml.doc.contents.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
  const range = (pair?.key as { range?: [number, number] } | null)?.range;
  return range ? yaml.lineAt(range[0]) : yaml.lineOf([key]);
}

/** Reads a data file whose top level maps slugs to entries, checking each entry with `schema`. */
export async function checkDataFile<S extends z.ZodObject>(
  file: string,
  schema: S,
  keyRule: {
    pattern: RegExp;
    description: string;
    /** Why a well-formed key may still not be used (a theme slug that is a page's own id), or undefined. */
    reserved?: (key: string) => string | undefined;
  },
  problems: Problem[],
): Promise<Map<string, z.output<S>>> {
  const entries = new Map<string, z.output<S>>();
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    problems.push({ file: relative(file), message: 'is missing; the site cannot be built without it.' });
    return entries;
  }
  const yaml = parseYaml(source, file, 0, problems);
  if (!yaml) return entries;
  if (!isMap(yaml.doc.contents)) {
    problems.push({
      file: relative(file),
      line: 1,
      message: `must map each ${keyRule.description} to its fields (\`key:\` followed by indented fields).`,
    });
    return entries;
  }
  const data = yamlToJS<Record<string, unknown>>(yaml, file, problems, {});
  if (!data) return entries;
  for (const [key, value] of Object.entries(data)) {
    if (!keyRule.pattern.test(key)) {
      problems.push({
        file: relative(file),
        line: yaml.lineOf([key]),
        field: key,
        message: `\`${key}\` is not a valid key: it must be ${keyRule.description}.`,
      });
      continue;
    }
    const reserved = keyRule.reserved?.(key);
    if (reserved) {
      problems.push({ file: relative(file), line: keyLine(yaml, key), field: key, message: reserved });
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) entries.set(key, result.data);
    else problems.push(...zodProblems(result.error, value, file, [key], yaml, Object.keys(schema.shape)));
  }
  return entries;
}
