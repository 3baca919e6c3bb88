/**
 * Starting a process as a person does in a task list (Camunda Tasklist's
 * "Processes"): which processes can be started by hand (the latest version
 * of each key with a none start event), with their documentation and the
 * start form to fill in, and the business key a start event takes from a
 * variable (`lifeline:businessKey field`).
 */
import { ConflictError, NotFoundError } from '../errors/LifelineError.js';
import type { ProcessIR } from '../ir/types.js';
import type { DefinitionRecord, FormRecord, JsonObject } from '../store/records.js';
import type { StoreQueries } from '../store/Store.js';

/** A process a person may start by hand, and what they fill in to start it. */
export interface StartableProcess {
  definitionId: string;
  key: string;
  version: number;
  name: string | null;
  /** The process's documentation: what it is for. */
  description: string | null;
  startEventId: string;
  startEventName: string | null;
  /** The linked form's id (`zeebe:formDefinition formId`), or the embedded form's key; null without a start form. */
  formId: string | null;
  /** The start form (form-js JSON): the latest version of a linked form, or the embedded one; null without one, or when the linked form is not deployed. */
  form: JsonObject | null;
  /** A linked start form that nobody deployed: the process cannot be started from its form until it is. */
  formMissing: boolean;
  /** The variable (path) whose value becomes the business key when none is given. */
  businessKeyField: string | null;
}

/** The first none start event of a process's top level: what a start without a trigger enters. */
export function noneStartEvent(ir: ProcessIR): string | undefined {
  return ir.startEvents.find((id) => (ir.nodes[id].event?.type ?? 'none') === 'none');
}

/**
 * The business key a start takes from its variables: the value at the start
 * event's `lifeline:businessKey field` path (text, or a number), when the
 * start gives no key of its own.
 */
export function businessKeyFromVariables(ir: ProcessIR, startEventId: string | undefined, variables: JsonObject): string | undefined {
  const field = startEventId ? ir.nodes[startEventId]?.lifeline?.businessKeyField : undefined;
  if (!field) return undefined;
  let value: unknown = variables;
  for (const part of field.split('.')) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject)[part] : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

type FormLookup = (formId: string) => Promise<FormRecord | undefined>;

async function describe(definition: DefinitionRecord, startEventId: string, latestForm: FormLookup): Promise<StartableProcess> {
  const start = definition.ir.nodes[startEventId];
  const link = start.startForm;
  let form: JsonObject | null = null;
  let formMissing = false;
  if (link?.formJson) form = JSON.parse(link.formJson) as JsonObject;
  else if (link?.formId) {
    form = (await latestForm(link.formId))?.schema ?? null;
    formMissing = form === null;
  }
  return {
    definitionId: definition.id,
    key: definition.key,
    version: definition.version,
    name: definition.name ?? definition.ir.name ?? null,
    description: definition.ir.documentation ?? null,
    startEventId,
    startEventName: start.name ?? null,
    formId: link?.formId ?? link?.formKey ?? null,
    form,
    formMissing,
    businessKeyField: start.lifeline?.businessKeyField ?? null,
  };
}

/** Every process a person can start by hand (latest versions with a none start event), by name. */
export async function startableProcesses(store: StoreQueries): Promise<StartableProcess[]> {
  const definitions: DefinitionRecord[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDefinitions({ latestOnly: true, limit: 1000, offset });
    definitions.push(...page.items);
    if (page.items.length === 0 || definitions.length >= page.total) break;
  }
  const forms = new Map<string, Promise<FormRecord | undefined>>();
  const latestForm: FormLookup = (formId) => {
    if (!forms.has(formId)) forms.set(formId, store.latestForm(formId));
    return forms.get(formId)!;
  };
  const startable = await Promise.all(definitions.map((definition) => {
    const start = noneStartEvent(definition.ir);
    return start ? describe(definition, start, latestForm) : undefined;
  }));
  return startable.filter((p): p is StartableProcess => p !== undefined).sort((a, b) => (a.name ?? a.key).localeCompare(b.name ?? b.key) || a.key.localeCompare(b.key));
}

/** The latest version of `key` as a person starts it; a conflict when it has no none start event. */
export async function startableProcess(store: StoreQueries, key: string): Promise<StartableProcess> {
  const definition = await store.latestDefinition(key);
  if (!definition) throw new NotFoundError('process definition', key);
  const start = noneStartEvent(definition.ir);
  if (!start) throw new ConflictError(`process ${key} has no none start event: it starts by message, signal or timer`);
  return describe(definition, start, (formId) => store.latestForm(formId));
}
