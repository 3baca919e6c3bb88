/**
 * The properties panel's groups for the `lifeline:` extension elements: a
 * "Lifeline" group (assignment strategy, business calendar, SLA target and
 * at-risk threshold, the business key field of a start event) and, on user
 * tasks, "SLA actions" (slaActions.ts). Writes go through the command
 * stack, so undo/redo work; clearing a value removes the extension element
 * rather than leaving an empty one behind.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { LIFELINE_ENTRIES, type LifelineEntry } from './lifelineEntries';
import { findExtension, setAttribute } from './extensionCommands';
import { calendarEntries } from './calendarEntry';
import { slaActionsGroup } from './slaActions';

type Moddle = any;

export { findExtension };

function EntryComponent(props: { element: Moddle; id: string; entry: LifelineEntry }) {
  const { element, id, entry } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  // undefined when unset (an empty string would write an empty element on blur).
  const getValue = () => findExtension(getBusinessObject(element), entry.type)?.get(entry.property) ?? (entry.options ? '' : undefined);
  const setValue = (value: string | undefined) => {
    const commands = setAttribute(element, entry.type, entry.property, value?.trim() ? value.trim() : undefined, bpmnFactory);
    if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  if (entry.options) return h(SelectEntry, { element, id, label: entry.label, description: entry.description, getValue, setValue, getOptions: () => entry.options });
  return h(TextFieldEntry, { element, id, label: entry.label, description: entry.description, getValue, setValue, debounce });
}

export default class LifelinePropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];

  private readonly injector: Moddle;

  constructor(propertiesPanel: Moddle, injector: Moddle) {
    this.injector = injector;
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: Moddle) {
    return (groups: Moddle[]) => {
      const bo = getBusinessObject(element);
      const plain = LIFELINE_ENTRIES.filter((entry) => entry.appliesTo.some((type) => is(element, type)) && (!entry.when || entry.when(bo))).map((entry) => ({
        id: entry.id,
        entry,
        element,
        component: EntryComponent,
        isEdited: entry.options ? isSelectEntryEdited : isTextFieldEntryEdited,
      }));
      // the calendar after the assignment strategy, before the SLA fields
      const afterStrategy = plain.findIndex((e) => e.id === 'lifeline-assignment-strategy') + 1;
      const entries = [...plain.slice(0, afterStrategy), ...calendarEntries(element), ...plain.slice(afterStrategy)];
      if (entries.length) groups.push({ id: 'lifeline', label: 'Lifeline', entries });
      const actions = slaActionsGroup(element, this.injector);
      if (actions) groups.push(actions);
      return groups;
    };
  }
}
