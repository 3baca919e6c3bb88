/**
 * The start page's calls to the server, through the app's one typed client:
 * the processes the user may start with their start forms, and a start from
 * a form (checked by the server against the form).
 */
import { api, ok, type operations } from '../../../api';

type Json<Op extends keyof operations, Status extends number = 200> = operations[Op]['responses'] extends { [S in Status]: { content: { 'application/json': infer T } } } ? T : never;

export type StartableProcess = Json<'get_api_startable_processes'>['items'][number];
export type Started = Json<'post_api_process_definitions_key_submit_form', 201>;

export async function listStartable(): Promise<StartableProcess[]> {
  return (await ok(api.GET('/api/startable-processes'))).items;
}

export function submitStartForm(key: string, variables: Record<string, unknown>, businessKey?: string): Promise<Started> {
  return ok(api.POST('/api/process-definitions/{key}/submit-form', { params: { path: { key } }, body: { variables, ...(businessKey ? { businessKey } : {}) } }));
}
