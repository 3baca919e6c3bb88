/**
 * The model a rehearsal runs, gathered from live data without changing
 * it: a deployed version (by id, or the latest of a key), or a drawing sent
 * as BPMN XML with its forms (not deployed anywhere). The processes it
 * calls or sends messages and signals to come along as deployed live
 * (latest versions), and so do the forms its user tasks name and the
 * drawing did not bring.
 */
import { NotFoundError, ValidationError, parseBpmn, processReferences, relatedProcesses, BpmnValidationError, type Engine, type ProcessIR, type RehearsalModel } from '../../engine/index.js';

/** Where a rehearsal's model comes from. */
export type ModelSource =
  | { definitionId: string }
  | { definitionKey: string }
  | { resources: { name: string; xml: string }[]; forms?: { name: string; json: string }[]; processKey?: string };

async function parseAll(resources: { name: string; xml: string }[]): Promise<ProcessIR[]> {
  const processes: ProcessIR[] = [];
  for (const resource of resources) {
    const { processes: found, problems } = await parseBpmn(resource.xml);
    if (problems.length) throw new BpmnValidationError(problems.map((p) => ({ ...p, message: resources.length > 1 ? `${resource.name}: ${p.message}` : p.message })));
    processes.push(...found);
  }
  return processes;
}

/** The `id` of a form-js JSON text (undefined when it is not JSON: deploying it will say so). */
function formIdOf(json: string): string | undefined {
  try {
    return (JSON.parse(json) as { id?: string }).id;
  } catch {
    return undefined;
  }
}

/** A short name for a model source (replay reports say what they ran against). */
export function describeSource(source: RehearsalModel['source']): string {
  return source.kind === 'deployed' ? `${source.key} version ${source.version}` : 'a drawing (not deployed)';
}

/** Resolves `source` into the resources, forms and processes to deploy in a rehearsal, and the key rehearsed. */
export async function resolveModel(live: Engine, source: ModelSource): Promise<{ model: RehearsalModel; processKey: string }> {
  let resources: { name: string; xml: string }[];
  let forms = 'resources' in source ? [...(source.forms ?? [])] : [];
  let origin: RehearsalModel['source'];
  let liveVersion: number | null = null;
  if ('resources' in source) {
    if (source.resources.length === 0) throw new ValidationError('a rehearsal of a drawing needs at least one BPMN resource');
    resources = source.resources;
    origin = { kind: 'drawing' };
  } else {
    const definition = 'definitionId' in source
      ? await live.getDefinition(source.definitionId)
      : (await live.listDefinitions({ key: source.definitionKey, latestOnly: true, limit: 1 })).items[0];
    if (!definition) throw new NotFoundError('process definition', 'definitionKey' in source ? source.definitionKey : source.definitionId);
    resources = [{ name: `${definition.key}.bpmn`, xml: definition.xml }];
    origin = { kind: 'deployed', definitionId: definition.id, key: definition.key, version: definition.version };
    liveVersion = definition.version;
  }
  const own = await parseAll(resources);
  if (own.length === 0) throw new ValidationError('the model has no executable process');
  const processKey = 'resources' in source ? source.processKey ?? own[0].processId : (origin as { key: string }).key;
  if (!own.some((p) => p.processId === processKey)) throw new ValidationError(`the model has no executable process '${processKey}'`);

  const deployed = (await live.listDefinitions({ latestOnly: true, limit: 1000 })).items;
  const related = relatedProcesses(own, deployed.filter((d) => !own.some((p) => p.processId === d.key)).map((d) => d.ir));
  const processes: RehearsalModel['processes'] = own.map((p) => ({ key: p.processId, liveVersion: origin.kind === 'deployed' ? liveVersion : null, related: false }));
  for (const key of related) {
    const definition = deployed.find((d) => d.key === key)!;
    processes.push({ key, liveVersion: definition.version, related: true });
    if (!resources.some((r) => r.xml === definition.xml)) resources = [...resources, { name: `${key}.bpmn`, xml: definition.xml }];
  }

  const given = new Set(forms.map((f) => formIdOf(f.json)));
  const wanted = new Set([...own, ...deployed.filter((d) => related.includes(d.key)).map((d) => d.ir)].flatMap((ir) => [...processReferences(ir).formIds]));
  for (const formId of wanted) {
    if (given.has(formId)) continue;
    const form = await live.getForm(formId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (form) forms = [...forms, { name: `${formId}.form`, json: JSON.stringify(form.schema) }];
  }
  return { model: { source: origin, processes, resources, forms }, processKey };
}
