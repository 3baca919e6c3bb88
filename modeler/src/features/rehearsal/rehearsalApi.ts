/**
 * The rehearsal API as the Rehearse mode uses it: one typed function per
 * call (the types come from the server's route declarations), and one
 * `snapshot` that reads everything the side panel and the diagram show.
 */
import { api, ok, type paths } from '../../api';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer T } } } ? T : R extends { 201: { content: { 'application/json': infer T } } } ? T : never
  : never;

export type Rehearsal = Json<'/api/rehearsals/{id}', 'get'>;
export type Taken = Json<'/api/rehearsals/{id}/clock', 'post'>;
export type Step = Taken['step'];
export type Task = Json<'/api/rehearsals/{id}/tasks', 'get'>['items'][number];
export type TaskWithForm = Json<'/api/rehearsals/{id}/tasks/{taskId}', 'get'>;
export type Job = Json<'/api/rehearsals/{id}/jobs', 'get'>['items'][number];
export type Instance = Json<'/api/rehearsals/{id}/instances', 'get'>['items'][number];
export type HistoryLine = Json<'/api/rehearsals/{id}/history', 'get'>['items'][number];
export type Mail = Json<'/api/rehearsals/{id}/emails', 'get'>['items'][number];
export type Counts = Json<'/api/rehearsals/{id}/element-counts', 'get'>['elements'];
export type Incident = Json<'/api/rehearsals/{id}/incidents', 'get'>['items'][number];
export type Scenario = Json<'/api/rehearsals/scenarios', 'get'>['items'][number];
export type ReplayReport = Json<'/api/rehearsals/scenarios/{id}/replay', 'post'>;
export type ClockMove = { by: string } | { workingTime: string } | { to: string } | { nextTimer: true };

/** What the rehearsal is made of: the workspace's deployed version as it is, or the drawing with its forms. */
export type ModelSource = { definitionId: string } | { resources: { name: string; xml: string }[]; forms: { name: string; json: Record<string, unknown> }[]; processKey: string };

const path = (id: string) => ({ params: { path: { id } } });

export const createRehearsal = (source: ModelSource, startAt: string, workers: 'auto' | 'manual', name: string) =>
  ok(api.POST('/api/rehearsals', { body: { ...source, startAt, workers, name } })) as Promise<Rehearsal>;
export const deleteRehearsal = (id: string) => ok(api.DELETE('/api/rehearsals/{id}', path(id)));
export const moveClock = (id: string, move: ClockMove) => ok(api.POST('/api/rehearsals/{id}/clock', { ...path(id), body: move }));
export const startInstance = (id: string, businessKey: string | undefined, variables: Record<string, unknown>) =>
  ok(api.POST('/api/rehearsals/{id}/instances', { ...path(id), body: { businessKey, variables } })) as Promise<Taken>;
export const taskWithForm = (id: string, taskId: string) => ok(api.GET('/api/rehearsals/{id}/tasks/{taskId}', { params: { path: { id, taskId } } }));
export const completeTask = (id: string, taskId: string, variables: Record<string, unknown>, actor: string) =>
  ok(api.POST('/api/rehearsals/{id}/tasks/{taskId}/complete', { params: { path: { id, taskId } }, body: { variables, actor } })) as Promise<Taken>;
export const completeJob = (id: string, jobId: string, variables: Record<string, unknown>) =>
  ok(api.POST('/api/rehearsals/{id}/jobs/{jobId}/complete', { params: { path: { id, jobId } }, body: { variables } })) as Promise<Taken>;
export const failJob = (id: string, jobId: string, retries: number, errorMessage: string) =>
  ok(api.POST('/api/rehearsals/{id}/jobs/{jobId}/fail', { params: { path: { id, jobId } }, body: { retries, errorMessage } })) as Promise<Taken>;
export const throwJobError = (id: string, jobId: string, errorCode: string) =>
  ok(api.POST('/api/rehearsals/{id}/jobs/{jobId}/error', { params: { path: { id, jobId } }, body: { errorCode } })) as Promise<Taken>;
export const runWorkers = (id: string) => ok(api.POST('/api/rehearsals/{id}/workers/run', path(id))) as Promise<Taken>;
export const sendMessage = (id: string, name: string, correlationKey: string | undefined, variables: Record<string, unknown>) =>
  ok(api.POST('/api/rehearsals/{id}/messages', { ...path(id), body: { name, correlationKey, variables } })) as Promise<Taken>;
export const sendSignal = (id: string, name: string, variables: Record<string, unknown>) => ok(api.POST('/api/rehearsals/{id}/signals', { ...path(id), body: { name, variables } })) as Promise<Taken>;
export const saveScenario = (id: string, name: string) => ok(api.POST('/api/rehearsals/{id}/scenarios', { ...path(id), body: { name } }));
export const listScenarios = async (processKey: string) => (await ok(api.GET('/api/rehearsals/scenarios', { params: { query: { processKey } } }))).items;
export const replayScenario = (scenarioId: string, source: ModelSource) => ok(api.POST('/api/rehearsals/scenarios/{id}/replay', { ...path(scenarioId), body: { ...source, keep: false } }));
export const deleteScenario = (scenarioId: string) => ok(api.DELETE('/api/rehearsals/scenarios/{id}', path(scenarioId)));

/** Everything the Rehearse mode shows, read after each step. */
export interface Snapshot {
  rehearsal: Rehearsal;
  counts: Counts;
  tasks: Task[];
  jobs: Job[];
  instances: Instance[];
  incidents: Incident[];
  history: HistoryLine[];
  mails: Mail[];
  steps: Step[];
}

export async function snapshot(id: string): Promise<Snapshot> {
  const [rehearsal, counts, tasks, jobs, instances, incidents, history, mails, steps] = await Promise.all([
    ok(api.GET('/api/rehearsals/{id}', path(id))),
    ok(api.GET('/api/rehearsals/{id}/element-counts', path(id))),
    ok(api.GET('/api/rehearsals/{id}/tasks', { params: { path: { id }, query: { limit: 200 } } })),
    ok(api.GET('/api/rehearsals/{id}/jobs', { params: { path: { id }, query: { limit: 200 } } })),
    ok(api.GET('/api/rehearsals/{id}/instances', { params: { path: { id }, query: { limit: 200 } } })),
    ok(api.GET('/api/rehearsals/{id}/incidents', { params: { path: { id }, query: { limit: 200 } } })),
    ok(api.GET('/api/rehearsals/{id}/history', { params: { path: { id }, query: { limit: 200 } } })),
    ok(api.GET('/api/rehearsals/{id}/emails', { params: { path: { id }, query: { limit: 100 } } })),
    ok(api.GET('/api/rehearsals/{id}/steps', path(id))),
  ]);
  return { rehearsal, counts: counts.elements, tasks: tasks.items, jobs: jobs.items, instances: instances.items, incidents: incidents.items, history: history.items.slice().reverse(), mails: mails.items, steps: steps.items };
}

/** The default business calendar's time zone (the rehearsal clock is shown on it); UTC when there is none. */
export async function calendarZone(): Promise<string> {
  const { items } = (await ok(api.GET('/api/calendars'))) as { items: { isDefault: boolean; definition: { timeZone: string } }[] };
  return items.find((c) => c.isDefault)?.definition.timeZone ?? 'UTC';
}

/** The BPMN a rehearsal runs (its first resource: the rehearsed model). */
export async function rehearsalXml(id: string): Promise<string> {
  return (await ok(api.GET('/api/rehearsals/{id}/model', path(id)))).resources[0].xml;
}
