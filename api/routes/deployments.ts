/** Deployments, process definitions (versions, XML) and forms. */
import * as z from 'zod';
import { route, page, paged, queryBool, uuidParam, type Route } from '../http/route.js';
import { ValidationError } from '../../engine/index.js';

const deployBody = z.object({
  name: z.string().optional(),
  resources: z.array(z.object({ name: z.string().min(1), xml: z.string().min(1) })).default([]),
  forms: z.array(z.object({ name: z.string().min(1), json: z.union([z.string(), z.record(z.string(), z.unknown())]) })).default([]),
});

const problem = z.object({ elementId: z.string().optional(), message: z.string() });
const deployResult = z.object({
  deploymentId: z.string(),
  definitions: z.array(z.object({ id: z.string(), key: z.string(), version: z.number().int(), isNew: z.boolean() })),
  forms: z.array(z.object({ id: z.string(), formId: z.string(), version: z.number().int() })),
  warnings: z.array(problem),
});
const definitionShape = z.object({
  id: z.string(), key: z.string(), version: z.number().int(), name: z.string().nullable(), deploymentId: z.string(),
  deployedAt: z.string(), deployedBy: z.string().nullable(), checksum: z.string(),
});
const formShape = z.object({ id: z.string(), formId: z.string(), version: z.number().int(), schema: z.record(z.string(), z.unknown()) });

const definitionSummary = (d: { id: string; key: string; version: number; name: string | null; deploymentId: string; deployedAt: Date; deployedBy: string | null; checksum: string }) => ({
  id: d.id, key: d.key, version: d.version, name: d.name, deploymentId: d.deploymentId, deployedAt: d.deployedAt, deployedBy: d.deployedBy, checksum: d.checksum,
});

export const deploymentRoutes: Route[] = [
  route({
    method: 'post', path: '/api/deployments', tag: 'Deployments', permission: 'definitions:deploy', status: 201, rawText: true,
    summary: 'Deploy BPMN files (and form-js forms): JSON {resources:[{name,xml}], forms:[{name,json}]}, or one raw BPMN document as application/xml',
    query: z.object({ name: z.string().optional() }),
    body: deployBody,
    response: deployResult,
    handler: async ({ body, query, user, services }) => {
      if (typeof body === 'string') return services.engine.deploy({ resources: [{ name: query.name ?? 'upload.bpmn', xml: body }], actor: user.id, name: query.name });
      if (body.resources.length === 0 && body.forms.length === 0) throw new ValidationError('a deployment needs at least one resource or form');
      return services.engine.deploy({
        name: body.name,
        resources: body.resources,
        forms: body.forms.map((f) => ({ name: f.name, json: typeof f.json === 'string' ? f.json : JSON.stringify(f.json) })),
        actor: user.id,
      });
    },
  }),
  route({
    method: 'post', path: '/api/deployments/validate', tag: 'Deployments', permission: 'definitions:deploy', rawText: true,
    summary: 'Check a BPMN document without deploying: the problems (which refuse a deploy) and the warnings, each with its element id',
    body: z.object({ xml: z.string().min(1) }),
    response: z.object({ problems: z.array(problem), warnings: z.array(problem) }),
    handler: async ({ body, services }) => services.engine.inspect(typeof body === 'string' ? body : body.xml),
  }),
  route({
    method: 'get', path: '/api/process-definitions', tag: 'Deployments', permission: 'definitions:read', summary: 'List process definitions (all versions, or latest only)',
    query: z.object({ key: z.string().optional(), latestOnly: queryBool.optional(), ...page }),
    response: z.object({ items: z.array(definitionShape), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
    handler: async ({ query, services }) => {
      const result = await services.engine.listDefinitions(query);
      return paged({ items: result.items.map(definitionSummary), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/process-definitions/:id', tag: 'Deployments', permission: 'definitions:read', summary: 'One definition version with its IR',
    params: uuidParam,
    response: definitionShape.extend({ ir: z.unknown() }),
    handler: async ({ params, services }) => {
      const d = await services.engine.getDefinition(params.id);
      return { ...definitionSummary(d), ir: d.ir };
    },
  }),
  route({
    method: 'get', path: '/api/process-definitions/:id/xml', tag: 'Deployments', permission: 'definitions:read', summary: 'Download the BPMN XML of a version',
    params: uuidParam,
    handler: async ({ params, services, koa }) => {
      const d = await services.engine.getDefinition(params.id);
      koa.type = 'application/xml';
      koa.body = d.xml;
      return undefined;
    },
  }),
  route({
    method: 'delete', path: '/api/process-definitions/:id', tag: 'Deployments', permission: 'definitions:deploy', status: 204, summary: 'Delete a version that has no instances',
    params: uuidParam,
    handler: async ({ params, services }) => {
      await services.engine.deleteDefinition(params.id);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/forms/:formId', tag: 'Deployments', permission: 'definitions:read', summary: 'The latest version of a deployed form',
    params: z.object({ formId: z.string().min(1) }),
    response: formShape,
    handler: async ({ params, services }) => services.engine.getForm(params.formId),
  }),
];
