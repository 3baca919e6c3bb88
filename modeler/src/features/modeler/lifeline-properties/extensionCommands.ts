/**
 * The command-stack steps that change `lifeline:` extension elements, for
 * the entries of the Lifeline groups: each returns the commands to run
 * together through 'properties-panel.multi-command-executor', so one edit
 * is one undo step. An extension element left with nothing set is removed
 * rather than written empty.
 */
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

type Moddle = any;
export type Command = { cmd: string; context: Record<string, unknown> };

/** The extension element of `type` on the element's business object, if any. */
export function findExtension(bo: Moddle, type: string): Moddle | undefined {
  return (bo.get('extensionElements')?.get('values') ?? []).find((value: Moddle) => is(value, type));
}

/** Sets properties of one moddle element (undefined removes an attribute). */
export function update(element: Moddle, moddleElement: Moddle, properties: Record<string, unknown>): Command {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

/** The element's extension of `type`, created (with its extensionElements) when missing, and the commands that do so. */
export function ensureExtension(element: Moddle, type: string, bpmnFactory: Moddle): { extension: Moddle; commands: Command[] } {
  const bo = getBusinessObject(element);
  const existing = findExtension(bo, type);
  if (existing) return { extension: existing, commands: [] };
  const commands: Command[] = [];
  let extensionElements = bo.get('extensionElements');
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = bo;
    commands.push(update(element, bo, { extensionElements }));
  }
  const extension = bpmnFactory.create(type, {});
  extension.$parent = extensionElements;
  commands.push(update(element, extensionElements, { values: [...extensionElements.get('values'), extension] }));
  return { extension, commands };
}

/** Removes an extension element from the element. */
export function removeExtension(element: Moddle, extension: Moddle): Command[] {
  const extensionElements = getBusinessObject(element).get('extensionElements');
  if (!extensionElements) return [];
  return [update(element, extensionElements, { values: extensionElements.get('values').filter((v: Moddle) => v !== extension) })];
}

/** Does the moddle element still hold anything besides `except` (attributes set, children listed)? */
export function holdsMoreThan(moddleElement: Moddle, except: string[]): boolean {
  return moddleElement.$descriptor.properties.filter((p: Moddle) => !except.includes(p.name)).some((p: Moddle) => {
    const value = moddleElement.get(p.name);
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
  });
}

/**
 * The commands that set one attribute of the element's extension of `type`,
 * or for '' / undefined clear it, removing the extension element once
 * nothing of it is left.
 */
export function setAttribute(element: Moddle, type: string, property: string, value: string | undefined, bpmnFactory: Moddle): Command[] {
  const existing = findExtension(getBusinessObject(element), type);
  if (!value) {
    if (!existing) return [];
    return holdsMoreThan(existing, [property]) ? [update(element, existing, { [property]: undefined })] : removeExtension(element, existing);
  }
  const { extension, commands } = ensureExtension(element, type, bpmnFactory);
  return [...commands, update(element, extension, { [property]: value })];
}
