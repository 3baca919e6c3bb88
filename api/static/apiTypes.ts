/**
 * TypeScript types for the browser app's API client, generated from the
 * OpenAPI document that the route declarations produce (api/openapi.ts), in
 * the `paths` shape openapi-fetch expects. JSON Schema becomes TypeScript
 * through json-schema-to-typescript (openapi-typescript needs the
 * TypeScript 5 compiler API, which the project's TypeScript 7 lacks).
 */
import { compile, type JSONSchema } from 'json-schema-to-typescript';

type Operation = {
  operationId: string;
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: JSONSchema }[];
  requestBody?: { content: Record<string, { schema: JSONSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JSONSchema }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JSONSchema> } };

const pascal = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
const OPTIONS = { bannerComment: '', format: false, additionalProperties: false, declareExternallyReferenced: true, strictIndexSignatures: false } as const;

/** One named TypeScript declaration for a JSON schema; `{}` and missing schemas become `unknown`. */
async function declare(name: string, schema: JSONSchema | undefined, out: string[]): Promise<string> {
  if (!schema || Object.keys(schema).length === 0) return 'unknown';
  out.push(await compile(structuredClone(schema), name, OPTIONS));
  return name;
}

async function parameters(op: Operation, out: string[]): Promise<string> {
  const of = async (where: 'path' | 'query') => {
    const list = (op.parameters ?? []).filter((p) => p.in === where);
    if (!list.length) return `${where}?: never`;
    const schema: JSONSchema = { type: 'object', properties: Object.fromEntries(list.map((p) => [p.name, p.schema])), required: list.filter((p) => p.required).map((p) => p.name) };
    const name = await declare(pascal(`${op.operationId} ${where}`), schema, out);
    return `${where}${where === 'query' && !list.some((p) => p.required) ? '?' : ''}: ${name}`;
  };
  return `{ ${await of('query')}; header?: never; ${await of('path')}; cookie?: never }`;
}

async function operation(op: Operation, out: string[]): Promise<string> {
  const parts = [`parameters: ${await parameters(op, out)}`];
  if (op.requestBody) {
    const media = await Promise.all(Object.entries(op.requestBody.content).map(async ([type, { schema }]) => `"${type}": ${await declare(pascal(`${op.operationId} ${type === 'application/json' ? 'body' : 'raw body'}`), schema, out)}`));
    parts.push(`requestBody: { content: { ${media.join('; ')} } }`);
  } else parts.push('requestBody?: never');
  const responses = await Promise.all(Object.entries(op.responses).map(async ([status, response]) => {
    if (status === 'default') return `default: { headers: { [name: string]: unknown }; content: { "application/problem+json": Problem } }`;
    if (status === '204') return `${status}: { headers: { [name: string]: unknown }; content?: never }`;
    const schema = response.content?.['application/json']?.schema;
    return `${status}: { headers: { [name: string]: unknown }; content: { "application/json": ${await declare(pascal(`${op.operationId} response`), schema, out)} } }`;
  }));
  parts.push(`responses: { ${responses.join('; ')} }`);
  return `{ ${parts.join('; ')} }`;
}

/** The source of `schema.gen.ts`: `paths` and `operations` for openapi-fetch, one named type per schema, and `Problem`. */
export async function generateApiTypes(document: Document): Promise<string> {
  const declarations: string[] = [];
  const problem = await declare('Problem', document.components.schemas.Problem, declarations);
  const operations: string[] = [];
  const paths: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const methods: string[] = [];
    for (const [method, op] of Object.entries(item)) {
      operations.push(`  ${op.operationId}: ${await operation(op, declarations)};`);
      methods.push(`${method}: operations["${op.operationId}"]`);
    }
    paths.push(`  "${path}": { ${methods.join('; ')} };`);
  }
  return [
    '// Generated from the server\'s route declarations (api/static/apiTypes.ts) at build time. Do not edit; not committed.',
    '/* eslint-disable */',
    ...declarations,
    `export type { ${problem} as ProblemBody };`,
    `export interface paths {\n${paths.join('\n')}\n}`,
    `export interface operations {\n${operations.join('\n')}\n}`,
    '',
  ].join('\n');
}
