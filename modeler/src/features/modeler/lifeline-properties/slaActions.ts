/**
 * "SLA actions" of a user task: the children of `lifeline:sla` as a list
 * with add and remove, like the Zeebe provider's headers. Each action is a
 * `lifeline:notify`, `lifeline:reassign` or `lifeline:escalate` with `when`
 * (atRisk or breach) and its own attributes, written exactly as the
 * engine's parser reads them (engine/parser/readLifeline.ts). Unset
 * attributes are left out of the XML, never written empty.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, ListGroup, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { ensureExtension, findExtension, holdsMoreThan, removeExtension, update, type Command } from './extensionCommands';

type Moddle = any;

const KINDS = [
  { type: 'lifeline:Notify', label: 'Notify' },
  { type: 'lifeline:Reassign', label: 'Reassign' },
  { type: 'lifeline:Escalate', label: 'Escalate' },
];
const MOMENTS = [
  { value: 'atRisk', label: 'When at risk' },
  { value: 'breach', label: 'When breached' },
];
const STRATEGIES = [
  { value: 'leastLoaded', label: 'Least loaded' },
  { value: 'roundRobin', label: 'Round robin' },
];

/** One attribute of an action shown as a field. */
interface Field {
  property: string;
  label: string;
  kind: 'text' | 'checkbox' | 'select';
  description?: string;
  options?: { value: string; label: string }[];
}

const FIELDS: Record<string, Field[]> = {
  'lifeline:Notify': [
    { property: 'users', label: 'Users', kind: 'text', description: 'User ids, comma-separated (FEEL allowed)' },
    { property: 'groups', label: 'Groups', kind: 'text', description: 'Group ids, comma-separated: every member (FEEL allowed)' },
    { property: 'assignee', label: 'The assignee (or the candidates)', kind: 'checkbox' },
    { property: 'manager', label: 'The assignee\'s manager', kind: 'checkbox' },
    { property: 'template', label: 'Mail template', kind: 'text', description: 'A template of the email worker; empty: the SLA notice' },
  ],
  'lifeline:Reassign': [
    { property: 'strategy', label: 'Strategy', kind: 'select', options: STRATEGIES },
    { property: 'candidateGroups', label: 'Candidate groups', kind: 'text', description: 'New candidates (else the task\'s own)' },
    { property: 'candidateUsers', label: 'Candidate users', kind: 'text' },
  ],
  'lifeline:Escalate': [
    { property: 'escalationCode', label: 'Escalation code', kind: 'text', description: 'Caught by an escalation boundary event or event subprocess' },
  ],
};

const actionsOf = (sla: Moddle | undefined): Moddle[] => sla?.get('actions') ?? [];
const run = (commandStack: Moddle, commands: Command[]) => commands.length && commandStack.execute('properties-panel.multi-command-executor', commands);

function kindLabel(action: Moddle): string {
  const kind = KINDS.find((k) => is(action, k.type))?.label ?? 'Action';
  const when = action.get('when') === 'atRisk' ? 'at risk' : action.get('when') === 'breach' ? 'on breach' : '';
  return `${kind} ${when}`.trim();
}

function TypeEntry(props: { element: Moddle; id: string; action: Moddle }) {
  const { element, id, action } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const setValue = (type: string) => {
    if (is(action, type)) return;
    const sla = action.$parent;
    const replacement = bpmnFactory.create(type, { when: action.get('when') });
    replacement.$parent = sla;
    run(commandStack, [update(element, sla, { actions: actionsOf(sla).map((a) => (a === action ? replacement : a)) })]);
  };
  return h(SelectEntry, { element, id, label: 'Action', getValue: () => KINDS.find((k) => is(action, k.type))?.type, setValue, getOptions: () => KINDS.map((k) => ({ value: k.type, label: k.label })) });
}

function AttributeEntry(props: { element: Moddle; id: string; action: Moddle; field: Field | { property: 'when'; label: string; kind: 'select'; options: typeof MOMENTS; description?: string } }) {
  const { element, id, action, field } = props;
  const commandStack = useService('commandStack');
  const debounce = useService('debounceInput');
  const write = (value: unknown) => run(commandStack, [update(element, action, { [field.property]: value })]);
  if (field.kind === 'checkbox') {
    // false is the default: leave the attribute out rather than write "false"
    return h(CheckboxEntry, { element, id, label: field.label, getValue: () => action.get(field.property) === true, setValue: (on: boolean) => write(on ? true : undefined) });
  }
  if (field.kind === 'select') {
    return h(SelectEntry, { element, id, label: field.label, description: field.description, getValue: () => action.get(field.property) ?? field.options![0].value, setValue: (value: string) => write(value), getOptions: () => field.options });
  }
  // undefined when unset: an empty string would write an empty attribute on blur
  return h(TextFieldEntry, { element: action, id, label: field.label, description: field.description, debounce, getValue: () => action.get(field.property) || undefined, setValue: (value: string | undefined) => write(value?.trim() ? value : undefined) });
}

function entriesOf(id: string, action: Moddle) {
  const type = KINDS.find((k) => is(action, k.type))?.type ?? '';
  const when = { property: 'when' as const, label: 'When', kind: 'select' as const, options: MOMENTS };
  return [
    { id: `${id}-type`, component: TypeEntry, action, isEdited: isSelectEntryEdited },
    { id: `${id}-when`, component: AttributeEntry, action, field: when, isEdited: isSelectEntryEdited },
    ...(FIELDS[type] ?? []).map((field) => ({
      id: `${id}-${field.property}`, component: AttributeEntry, action, field,
      isEdited: field.kind === 'checkbox' ? isCheckboxEntryEdited : field.kind === 'select' ? isSelectEntryEdited : isTextFieldEntryEdited,
    })),
  ];
}

/** The "SLA actions" list group of a user task (null elsewhere). */
export function slaActionsGroup(element: Moddle, injector: Moddle) {
  if (!is(element, 'bpmn:UserTask')) return null;
  const commandStack = injector.get('commandStack');
  const bpmnFactory = injector.get('bpmnFactory');
  const sla = findExtension(getBusinessObject(element), 'lifeline:Sla');
  const items = actionsOf(sla).map((action, index) => {
    const id = `${element.id}-sla-action-${index}`;
    return {
      id,
      label: kindLabel(action),
      entries: entriesOf(id, action),
      autoFocusEntry: `${id}-type`,
      remove: (event: Event) => {
        event.stopPropagation();
        const rest = actionsOf(sla).filter((a) => a !== action);
        // an SLA with no target, threshold or action left goes too
        run(commandStack, rest.length || holdsMoreThan(sla, ['actions']) ? [update(element, sla, { actions: rest })] : removeExtension(element, sla));
      },
    };
  });
  const add = (event: Event) => {
    event.stopPropagation();
    const { extension, commands } = ensureExtension(element, 'lifeline:Sla', bpmnFactory);
    const action = bpmnFactory.create('lifeline:Notify', { when: 'breach' });
    action.$parent = extension;
    run(commandStack, [...commands, update(element, extension, { actions: [...actionsOf(extension), action] })]);
  };
  return { id: 'lifeline-sla-actions', label: 'SLA actions', component: ListGroup, element, items, add, shouldOpen: false };
}
