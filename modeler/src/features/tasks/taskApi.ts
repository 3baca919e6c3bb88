/**
 * The task list's calls to the server, through the app's one typed client;
 * the types are those the server's route declarations produce.
 */
import { api, ok, type operations } from '../../api';
import { noteServerNow } from './serverClock';

type Json<Op extends keyof operations> = operations[Op]['responses'] extends { 200: { content: { 'application/json': infer T } } } ? T : never;

export type Task = Json<'get_api_tasks_id_'>;
export type TaskPage = Json<'get_api_tasks'>;
export type TaskQuery = NonNullable<operations['get_api_tasks']['parameters']['query']>;
export type HistoryLine = Json<'get_api_tasks_id_history'>['items'][number];
export type Colleague = Json<'get_api_colleagues'>['items'][number];
export type Definition = Json<'get_api_process_definitions'>['items'][number];

/** One page of tasks (and the server's clock, for "due in 2 hours"). */
export async function listTasks(query: TaskQuery): Promise<TaskPage> {
  const page = await ok(api.GET('/api/tasks', { params: { query } }));
  noteServerNow(page.now);
  return page;
}

/** How many tasks a query finds (one row read). */
export async function countTasks(query: TaskQuery): Promise<number> {
  return (await listTasks({ ...query, limit: 1, offset: 0 })).total;
}

export const getTask = (id: string) => ok(api.GET('/api/tasks/{id}', { params: { path: { id } } }));
export const getHistory = async (id: string) => (await ok(api.GET('/api/tasks/{id}/history', { params: { path: { id } } }))).items;
export const claimTask = (id: string) => ok(api.POST('/api/tasks/{id}/claim', { params: { path: { id } } }));
export const unclaimTask = (id: string) => ok(api.POST('/api/tasks/{id}/unclaim', { params: { path: { id } } }));
export const delegateTask = (id: string, assignee: string) => ok(api.POST('/api/tasks/{id}/delegate', { params: { path: { id } }, body: { assignee } }));
export const assignTask = (id: string, assignee: string | null) => ok(api.POST('/api/tasks/{id}/assign', { params: { path: { id } }, body: { assignee } }));
export const completeTask = (id: string, variables: Record<string, unknown>) => ok(api.POST('/api/tasks/{id}/complete', { params: { path: { id } }, body: { variables } }));

export async function findColleagues(search: string): Promise<Colleague[]> {
  return (await ok(api.GET('/api/colleagues', { params: { query: { search: search || undefined, limit: 50 } } }))).items;
}

/** The latest version of every process, for names and the process filter. */
export async function latestDefinitions(): Promise<Definition[]> {
  return (await ok(api.GET('/api/process-definitions', { params: { query: { latestOnly: 'true', limit: 500 } } }))).items;
}
