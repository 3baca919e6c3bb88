/**
 * Deployment: parse and validate every resource (nothing is stored when any
 * has problems), version each process by key (identical XML is not a new
 * version), store forms, and arm start events of the new versions (timer
 * rows, message and signal start subscriptions) while disarming older ones.
 */
import { createHash } from 'node:crypto';
import { parseBpmn } from '../parser/index.js';
import { BpmnValidationError, ValidationError } from '../errors/LifelineError.js';
import type { CalendarRef, Problem, ProcessIR, ScopeIR } from '../ir/types.js';
import type { DefinitionRecord, FormRecord } from '../store/records.js';
import { emptyEffects } from '../store/Store.js';
import { resolveTimer } from '../time/timerExpression.js';
import { evaluateRaw, evaluateString, feelContext } from '../expressions/feel.js';
import type { DeployCommand, DeployResult } from './EngineApi.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { writeEffects } from './steps.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Parses every resource; throws one BpmnValidationError listing all problems of all files. */
export async function parseResources(resources: DeployCommand['resources'], warnings: Problem[] = []): Promise<{ xml: string; process: ProcessIR }[]> {
  const problems: Problem[] = [];
  const parsed: { xml: string; process: ProcessIR }[] = [];
  const seen = new Set<string>();
  for (const resource of resources) {
    const result = await parseBpmn(resource.xml);
    const prefix = resources.length > 1 ? `${resource.name}: ` : '';
    problems.push(...result.problems.map((p) => ({ ...p, message: prefix + p.message })));
    warnings.push(...result.warnings.map((w) => ({ ...w, message: prefix + w.message })));
    for (const process of result.processes) {
      if (seen.has(process.processId)) problems.push({ elementId: process.processId, message: `${prefix}process id '${process.processId}' is deployed twice in one deployment` });
      seen.add(process.processId);
      parsed.push({ xml: resource.xml, process });
    }
  }
  if (problems.length) throw new BpmnValidationError(problems);
  return parsed;
}

function parseForms(forms: DeployCommand['forms']): { name: string; formId: string; schema: Record<string, unknown>; json: string }[] {
  return (forms ?? []).map((form) => {
    let schema: unknown;
    try {
      schema = JSON.parse(form.json);
    } catch (e) {
      throw new ValidationError(`form ${form.name} is not valid JSON: ${(e as Error).message}`, { resource: form.name });
    }
    const formId = (schema as { id?: unknown })?.id;
    if (typeof formId !== 'string' || !formId) throw new ValidationError(`form ${form.name} has no "id"`, { resource: form.name });
    return { name: form.name, formId, schema: schema as Record<string, unknown>, json: form.json };
  });
}

/** Deploys resources in one transaction. */
export async function deploy(ctx: EngineContext, command: DeployCommand): Promise<DeployResult> {
  if (command.resources.length === 0 && !command.forms?.length) throw new ValidationError('a deployment needs at least one BPMN resource or form');
  const warnings: Problem[] = [];
  const parsed = await parseResources(command.resources, warnings);
  const forms = parseForms(command.forms);
  return ctx.transaction(async (scope) => {
    const { tx, now } = scope;
    const deploymentId = ctx.newId();
    const actor = command.actor ?? null;
    await tx.insertDeployment({ id: deploymentId, name: command.name ?? null, deployedAt: now, deployedBy: actor });
    await tx.lockDefinitionKeys(parsed.map((p) => p.process.processId));
    const result: DeployResult = { deploymentId, definitions: [], forms: [], warnings };
    const fresh: DefinitionRecord[] = [];
    for (const { xml, process } of parsed) {
      const checksum = sha256(xml);
      const latest = await tx.latestDefinition(process.processId);
      if (latest && latest.checksum === checksum) {
        result.definitions.push({ id: latest.id, key: latest.key, version: latest.version, isNew: false });
        continue;
      }
      const definition: DefinitionRecord = {
        id: ctx.newId(), key: process.processId, version: (latest?.version ?? 0) + 1, name: process.name ?? null,
        xml, ir: process, checksum, deploymentId, deployedAt: now, deployedBy: actor,
      };
      fresh.push(definition);
      result.definitions.push({ id: definition.id, key: definition.key, version: definition.version, isNew: true });
    }
    await checkCalendars(ctx, scope, fresh.map((d) => d.ir));
    if (fresh.length) await tx.insertDefinitions(fresh);
    for (const definition of fresh) {
      await tx.cancelStartTriggers(definition.key);
      await armStartEvents(ctx, scope, definition);
    }
    const formRecords: FormRecord[] = [];
    for (const form of forms) {
      const checksum = sha256(form.json);
      const latest = await tx.latestForm(form.formId);
      if (latest && latest.checksum === checksum) {
        result.forms.push({ id: latest.id, formId: latest.formId, version: latest.version });
        continue;
      }
      const record: FormRecord = { id: ctx.newId(), formId: form.formId, version: (latest?.version ?? 0) + 1, schema: form.schema, checksum, deploymentId, deployedAt: now };
      formRecords.push(record);
      result.forms.push({ id: record.id, formId: record.formId, version: record.version });
    }
    if (formRecords.length) await tx.insertForms(formRecords);
    return result;
  });
}

/** Every `lifeline:calendar` a process and its elements are bound to. */
function calendarRefs(scope: ScopeIR, found: { elementId: string; ref: CalendarRef }[] = []): { elementId: string; ref: CalendarRef }[] {
  for (const node of Object.values(scope.nodes)) {
    if (node.lifeline?.calendar) found.push({ elementId: node.id, ref: node.lifeline.calendar });
    if (node.scope) calendarRefs(node.scope, found);
  }
  return found;
}

/** A model bound to a calendar nobody defined is a deploy problem, on the element that names it. */
async function checkCalendars(ctx: EngineContext, scope: TxScope, processes: ProcessIR[]): Promise<void> {
  const refs = processes.flatMap((p) => [...(p.calendar ? [{ elementId: p.processId, ref: p.calendar }] : []), ...calendarRefs(p)]);
  if (refs.length === 0) return;
  const book = await ctx.calendarBook(scope);
  const problems: Problem[] = refs
    .filter(({ ref }) => !book.has(ref.name))
    .map(({ elementId, ref }) => ({ elementId, message: ref.name === undefined ? 'lifeline:calendar names the default calendar, but no calendar is marked default (an admin defines calendars under /api/calendars)' : `lifeline:calendar names '${ref.name}', which is not defined (an admin defines calendars under /api/calendars)` }));
  if (problems.length) throw new BpmnValidationError(problems);
}

/** Timer start events become timer rows; message and signal start events become start subscriptions. */
async function armStartEvents(ctx: EngineContext, scope: TxScope, definition: DefinitionRecord): Promise<void> {
  const effects = emptyEffects();
  const book = await ctx.calendarBook(scope);
  for (const startId of definition.ir.startEvents) {
    const own = definition.ir.nodes[startId].event;
    // A multiple start event starts the process on any one of its triggers.
    for (const event of own?.type === 'multiple' ? own.definitions : [own]) {
    if (event?.type === 'timer') {
      const time = book.context(definition.ir.nodes[startId].lifeline?.calendar ?? definition.ir.calendar);
      const { dueAt, cycle } = resolveTimer(event.timer.kind, evaluateRaw(event.timer.value, feelContext({}, scope.now)), scope.now, time);
      effects.timers.push({ id: ctx.newId(), instanceId: null, definitionId: definition.id, activityInstanceId: null, elementId: startId, dueAt, cycle, state: 'scheduled', createdAt: scope.now, firedAt: null });
    } else if (event?.type === 'message' || event?.type === 'signal') {
      const name = evaluateString(event.type === 'message' ? event.messageName : event.signalName, {}, `${startId} ${event.type} name`);
      effects.subscriptions.push({ id: ctx.newId(), kind: event.type, name, correlationKey: null, instanceId: null, definitionId: definition.id, activityInstanceId: null, elementId: startId, state: 'open', createdAt: scope.now });
    }
    }
  }
  await writeEffects(scope, effects);
}
