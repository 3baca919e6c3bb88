/** Questions the page asks of the loaded diagram. */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

type Modeler = { get(name: string): any };

/** The formIds that the diagram's user tasks and start events (start forms) link to (zeebe:formDefinition formId). */
export function linkedFormIds(modeler: Modeler): string[] {
  const ids = new Set<string>();
  for (const element of modeler.get('elementRegistry').filter((e: unknown) => is(e, 'bpmn:UserTask') || is(e, 'bpmn:StartEvent'))) {
    for (const value of getBusinessObject(element).get('extensionElements')?.get('values') ?? []) {
      if (is(value, 'zeebe:FormDefinition') && value.get('formId')) ids.add(value.get('formId'));
    }
  }
  return [...ids];
}

/** The first executable process's id and name (for file names and the deployment name). */
export function processOf(modeler: Modeler): { id: string; name: string } {
  const definitions = modeler.get('canvas').getRootElement().businessObject.$parent;
  const processes = (definitions?.get('rootElements') ?? []).filter((e: unknown) => is(e, 'bpmn:Process'));
  const process = processes.find((p: any) => p.isExecutable) ?? processes[0] ?? modeler.get('canvas').getRootElement().businessObject;
  return { id: process.id, name: process.name || process.id };
}

/** A readable label for an element id: its name, else its id. */
export function elementLabel(modeler: Modeler, id: string): string {
  const element = modeler.get('elementRegistry').get(id);
  const name = element && getBusinessObject(element).name;
  return name ? `${name} (${id})` : id;
}
