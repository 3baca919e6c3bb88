/**
 * Talking to the engine about the workspace: validate without deploying,
 * deploy (diagram and forms in one deployment), open a deployed version
 * with the forms its user tasks link to. Messages say what happened in the
 * designer's words.
 */
import { api, ok, ApiError, type ModelProblem } from '../../api';
import type { Workspace, WorkspaceForm } from './workspace';

export interface DeployOutcome {
  /** What to tell the designer. */
  message: string;
  origin: NonNullable<Workspace['origin']>;
}

/** The engine's problems with a model (none: it would deploy) and its warnings (tolerated, but without effect). */
export async function validateModel(xml: string, signal?: AbortSignal): Promise<{ problems: ModelProblem[]; warnings: ModelProblem[] }> {
  return ok(api.POST('/api/deployments/validate', { body: { xml }, signal }));
}

/** Deploys the diagram with its new or changed forms; throws ApiError (with `problems` for a model the engine rejects). */
export async function deployWorkspace(xml: string, processName: string, forms: WorkspaceForm[]): Promise<DeployOutcome> {
  const result = await ok(api.POST('/api/deployments', {
    body: {
      name: processName,
      resources: [{ name: `${processName}.bpmn`, xml }],
      forms: forms.filter((form) => !form.deployed).map((form) => ({ name: `${form.id}.form`, json: form.schema })),
    },
  }));
  const definition = result.definitions[0];
  if (!definition) throw new ApiError(422, 'BPMN_INVALID', 'The diagram has no executable process to deploy.');
  const formNote = result.forms.length ? ` Forms: ${result.forms.map((f) => `${f.formId} v${f.version}`).join(', ')}.` : '';
  const message = definition.isNew
    ? `Deployed ${definition.key} as version ${definition.version}.${formNote}`
    : `Nothing changed: ${definition.key} version ${definition.version} is already deployed.${formNote}`;
  return { message, origin: { definitionId: definition.id, key: definition.key, version: definition.version } };
}

/** One definition version: its XML and where it came from. */
export async function fetchDefinition(id: string): Promise<{ xml: string; origin: NonNullable<Workspace['origin']> }> {
  const [summary, xml] = await Promise.all([
    ok(api.GET('/api/process-definitions/{id}', { params: { path: { id } } })) as Promise<{ key: string; version: number }>,
    ok(api.GET('/api/process-definitions/{id}/xml', { params: { path: { id } }, parseAs: 'text' })) as Promise<unknown> as Promise<string>,
  ]);
  return { xml, origin: { definitionId: id, key: summary.key, version: summary.version } };
}

/** The latest deployed version of each form; ids with no deployed form come back in `missing`. */
export async function fetchForms(formIds: string[]): Promise<{ forms: WorkspaceForm[]; missing: string[] }> {
  const forms: WorkspaceForm[] = [];
  const missing: string[] = [];
  for (const formId of formIds) {
    try {
      const form = await ok(api.GET('/api/forms/{formId}', { params: { path: { formId } } }));
      forms.push({ id: formId, schema: form.schema, deployed: true });
    } catch {
      missing.push(formId);
    }
  }
  return { forms, missing };
}
