/**
 * What the reports ask the server, through the app's one typed client (the
 * answers are typed by the routes' response shapes).
 */
import { api, ok, type paths } from '../../api';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

export type PeriodQuery = Query<'/api/reports/processes'>;
export type ProcessSummary = Json<'/api/reports/processes', 'get'>;
export type ProcessReport = Json<'/api/reports/processes/{key}', 'get'>;
export type TaskElements = Json<'/api/reports/processes/{key}/tasks', 'get'>;
export type PeopleReport = Json<'/api/reports/people', 'get'>;
export type Workload = Json<'/api/reports/workload', 'get'>;
export type HeatMap = Json<'/api/reports/heat-map/{id}', 'get'>;
export type InstancesQuery = Query<'/api/reports/instances'>;
export type TasksQuery = Query<'/api/reports/tasks'>;
export type InstancesBehind = Json<'/api/reports/instances', 'get'>;
export type TasksBehind = Json<'/api/reports/tasks', 'get'>;

export const loadSummary = (period: PeriodQuery) => ok(api.GET('/api/reports/processes', { params: { query: period } }));
export const loadProcess = (key: string, query: PeriodQuery & { definitionId?: string }) => ok(api.GET('/api/reports/processes/{key}', { params: { path: { key }, query } }));
export const loadTaskElements = (key: string, query: PeriodQuery & { definitionId?: string }) => ok(api.GET('/api/reports/processes/{key}/tasks', { params: { path: { key }, query } }));
export const loadPeople = (query: PeriodQuery & { group?: string; definitionKey?: string }) => ok(api.GET('/api/reports/people', { params: { query } }));
export const loadWorkload = (group?: string) => ok(api.GET('/api/reports/workload', { params: { query: group ? { group } : {} } }));
export const loadHeatMap = (id: string, period: PeriodQuery) => ok(api.GET('/api/reports/heat-map/{id}', { params: { path: { id }, query: period } }));
export const loadInstancesBehind = (query: InstancesQuery) => ok(api.GET('/api/reports/instances', { params: { query } }));
export const loadTasksBehind = (query: TasksQuery) => ok(api.GET('/api/reports/tasks', { params: { query } }));
export const reassign = (taskIds: string[], to: { userId: string } | { leastLoadedIn: string }) => ok(api.POST('/api/reports/workload/reassign', { body: { taskIds, to } }));

export { loadXml } from '../../diagram/deployedXml';
