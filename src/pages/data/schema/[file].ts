// /data/schema/{chapter,edition}.schema.json: the JSON Schemas of the JSON downloads, generated
// from the zod schemas every export is checked against (src/downloads/schema.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { JSON_SCHEMAS, jsonSchemaOf, type SchemaFile } from '../../../downloads/schema.ts';
import { filePath } from '../../../lib/urls.ts';

export const getStaticPaths = (() =>
  (Object.keys(JSON_SCHEMAS) as SchemaFile[]).map((file) => ({ params: { file }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: SchemaFile }> = ({ props, site }) => {
  const id = new URL(filePath(import.meta.env.BASE_URL, `data/schema/${props.file}`), site).href;
  return new Response(`${JSON.stringify(jsonSchemaOf(props.file, id), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
