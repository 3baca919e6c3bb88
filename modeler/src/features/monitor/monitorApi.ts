/**
 * What the monitor asks the server, through the app's one typed client:
 * the views (typed by the routes' response shapes) and the repairs (the
 * existing incident, variable, modify, cancel and assign routes).
 */
import { api, ok, type paths } from '../../api';
import { syncServerClock } from './format';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Overview = Json<'/api/monitor/overview', 'get'>;
export type DefinitionCounts = Overview['definitions'][number];
export type InstanceList = Json<'/api/monitor/instances', 'get'>;
export type InstanceListItem = InstanceList['items'][number];
export type InstanceView = Json<'/api/monitor/instances/{id}', 'get'>;
export type DefinitionView = Json<'/api/monitor/definitions/{id}', 'get'>;
export type Person = Json<'/api/monitor/people', 'get'>['items'][number];
export type ElementStats = InstanceView['elementStats'];
export type Elements = InstanceView['elements'];
export type InstanceQuery = NonNullable<paths['/api/monitor/instances']['get']['parameters']['query']>;

/** Every view carries the server's "now": relative times and "overdue" follow the server's clock. */
const synced = <T extends { now: string }>(view: T): T => {
  syncServerClock(view.now);
  return view;
};

export const loadOverview = (stuckFor: string) => ok(api.GET('/api/monitor/overview', { params: { query: { stuckFor } } })).then(synced);
export const loadInstances = (query: InstanceQuery) => ok(api.GET('/api/monitor/instances', { params: { query } })).then(synced);
export const loadInstance = (id: string) => ok(api.GET('/api/monitor/instances/{id}', { params: { path: { id } } })).then(synced);
export const loadDefinition = (id: string, stuckFor: string) => ok(api.GET('/api/monitor/definitions/{id}', { params: { path: { id }, query: { stuckFor } } })).then(synced);
export const loadPeople = () => ok(api.GET('/api/monitor/people')).then((answer) => answer.items);

export { loadXml } from '../../diagram/deployedXml';

export const retryIncident = (id: string, retries?: number) => ok(api.POST('/api/incidents/{id}/retry', { params: { path: { id } }, body: retries ? { retries } : {} }));
export const resolveIncident = (id: string) => ok(api.POST('/api/incidents/{id}/resolve', { params: { path: { id } } }));
export const setVariables = (id: string, variables: Record<string, unknown>) => ok(api.PUT('/api/process-instances/{id}/variables', { params: { path: { id } }, body: { variables } }));
export const cancelInstance = (id: string) => ok(api.POST('/api/process-instances/{id}/cancel', { params: { path: { id } } }));
export const moveToken = (id: string, from: string, to: string) =>
  ok(api.POST('/api/process-instances/{id}/modify', { params: { path: { id } }, body: { cancel: [{ elementId: from }], activate: [{ elementId: to }] } }));
export const assignTask = (id: string, assignee: string | null) => ok(api.POST('/api/tasks/{id}/assign', { params: { path: { id } }, body: { assignee } }));
