/**
 * A "Lifeline" group in the properties panel for the `lifeline:` extension
 * elements (entries in lifelineEntries.ts). Writes go through the command
 * stack, so undo/redo work; clearing a value removes the extension element
 * rather than leaving an empty one behind.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { LIFELINE_ENTRIES, type LifelineEntry } from './lifelineEntries';

type Moddle = any;

/** The extension element of `type` on the element's business object, if any. */
export function findExtension(bo: Moddle, type: string): Moddle | undefined {
  return (bo.get('extensionElements')?.get('values') ?? []).find((value: Moddle) => is(value, type));
}

/** The commands that set (or, for '' / undefined, remove) one attribute of a lifeline extension element. */
function updateCommands(element: Moddle, entry: LifelineEntry, value: string | undefined, bpmnFactory: Moddle): unknown[] {
  const bo = getBusinessObject(element);
  const commands: unknown[] = [];
  let extensionElements = bo.get('extensionElements');
  const existing = findExtension(bo, entry.type);
  if (!value) {
    if (!existing) return [];
    // Other attributes or children (an SLA's actions) still set: clear just this one.
    const others = existing.$descriptor.properties.filter((p: Moddle) => p.name !== entry.property).some((p: Moddle) => {
      const other = existing.get(p.name);
      return Array.isArray(other) ? other.length > 0 : other !== undefined && other !== '';
    });
    if (others) return [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: existing, properties: { [entry.property]: undefined } } }];
    const values = extensionElements.get('values').filter((v: Moddle) => v !== existing);
    return [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensionElements, properties: { values } } }];
  }
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = bo;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements } } });
  }
  let extension = existing;
  if (!extension) {
    extension = bpmnFactory.create(entry.type, {});
    extension.$parent = extensionElements;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extensionElements, properties: { values: [...extensionElements.get('values'), extension] } } });
  }
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: extension, properties: { [entry.property]: value } } });
  return commands;
}

function EntryComponent(props: { element: Moddle; id: string; entry: LifelineEntry }) {
  const { element, id, entry } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  // undefined when unset (an empty string would write an empty element on blur).
  const getValue = () => findExtension(getBusinessObject(element), entry.type)?.get(entry.property) ?? (entry.options ? '' : undefined);
  const setValue = (value: string | undefined) => {
    const commands = updateCommands(element, entry, value, bpmnFactory);
    if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  if (entry.options) return h(SelectEntry, { element, id, label: entry.label, description: entry.description, getValue, setValue, getOptions: () => entry.options });
  return h(TextFieldEntry, { element, id, label: entry.label, description: entry.description, getValue, setValue, debounce });
}

export default class LifelinePropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: Moddle) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: Moddle) {
    return (groups: Moddle[]) => {
      const entries = LIFELINE_ENTRIES.filter((entry) => entry.appliesTo.some((type) => is(element, type))).map((entry) => ({
        id: entry.id,
        entry,
        element,
        component: EntryComponent,
        isEdited: entry.options ? isSelectEntryEdited : isTextFieldEntryEdited,
      }));
      if (entries.length) groups.push({ id: 'lifeline', label: 'Lifeline', entries });
      return groups;
    };
  }
}
