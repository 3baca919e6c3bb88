/**
 * OpenAPI 3.1, generated from the route declarations (the same zod schemas
 * that validate requests), and a small human docs page built from it.
 */
import * as z from 'zod';
import type { Route } from './http/route.js';
import { PERMISSIONS } from './auth/permissions.js';

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(route: Route): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

export function openApiDocument(routes: Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const roles = route.permission === 'public' ? 'anyone' : (PERMISSIONS[route.permission] as readonly string[]).join(', ');
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      description: `Permission: \`${route.permission}\` (${roles}).`,
      operationId: `${route.method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`,
      parameters: parameters(route),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) }, ...(route.rawText ? { 'application/xml': { schema: { type: 'string' } } } : {}) } } }
        : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'Success', ...(route.response ? { content: { 'application/json': { schema: jsonSchema(route.response) } } } : {}) },
        default: { description: 'A problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
      ...(route.permission === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Lifeline API', version: '0.1.0', description: 'BPMN processes for customer lifecycles: deploy, run, work tasks, repair.' },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { token: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'lifeline_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' },
            problems: { type: 'array', items: { type: 'object', properties: { elementId: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A plain HTML page listing every operation, grouped by tag. */
export function docsPage(routes: Route[]): string {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const sections = tags.map((tag) => {
    const rows = routes.filter((r) => r.tag === tag).map((r) => `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>${escape(r.path)}</code></td><td>${escape(r.summary)}</td><td><code>${r.permission}</code></td></tr>`);
    return `<h2>${escape(tag)}</h2><table><tr><th>Method</th><th>Path</th><th>What</th><th>Permission</th></tr>${rows.join('')}</table>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Lifeline API</title>
<style>body{font:14px system-ui;margin:2em;max-width:70em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style></head>
<body><h1>Lifeline API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> with a stable <code>code</code>.</p>${sections.join('')}</body></html>`;
}
