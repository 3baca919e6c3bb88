/**
 * The business calendar of a process, user task or timer event, as a select
 * of the calendars the server knows: "not set" removes `lifeline:calendar`
 * (the process's calendar applies, or on the process plain calendar time),
 * "default" writes it without a name (the default calendar, whichever that
 * is when it runs), a name writes `name`. A name the server does not know
 * (yet) stays selectable, marked, so opening a model never changes it.
 */
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { SelectEntry, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { ensureExtension, findExtension, removeExtension, update } from './extensionCommands';
import type { CalendarChoice } from './LifelineCalendars';

type Moddle = any;

/** The select's value for "the default calendar" (a calendar name cannot contain parentheses). */
export const DEFAULT_CALENDAR = '(default)';

/** Elements a calendar shapes: the process, user tasks, and timer start, catch and boundary events. */
export function takesCalendar(element: Moddle): boolean {
  if (is(element, 'bpmn:Process') || is(element, 'bpmn:UserTask')) return true;
  if (!is(element, 'bpmn:StartEvent') && !is(element, 'bpmn:IntermediateCatchEvent') && !is(element, 'bpmn:BoundaryEvent')) return false;
  return (getBusinessObject(element).eventDefinitions ?? []).some((d: Moddle) => is(d, 'bpmn:TimerEventDefinition'));
}

function currentValue(bo: Moddle): string {
  const calendar = findExtension(bo, 'lifeline:Calendar');
  if (!calendar) return '';
  return calendar.get('name') || DEFAULT_CALENDAR;
}

function CalendarSelect(props: { element: Moddle; id: string }) {
  const { element, id } = props;
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  const calendars = useService('lifelineCalendars');
  const [known, setKnown] = useState([]) as [CalendarChoice[], (list: CalendarChoice[]) => void];
  useEffect(() => {
    let live = true;
    calendars.load().then((list: CalendarChoice[]) => live && setKnown(list));
    return () => void (live = false);
  }, []);
  const bo = getBusinessObject(element);
  const isProcess = is(bo, 'bpmn:Process');

  const getOptions = () => {
    const fallback = known.find((c) => c.isDefault);
    const options = [
      { value: '', label: isProcess ? 'None: plain calendar time' : 'As the process' },
      { value: DEFAULT_CALENDAR, label: `Default calendar${fallback ? ` (now ${fallback.name})` : ''}` },
      ...known.map((c) => ({ value: c.name, label: c.name })),
    ];
    const value = currentValue(bo);
    if (value && !options.some((o) => o.value === value)) options.push({ value, label: `${value} (not defined on the server)` });
    return options;
  };
  const getValue = () => currentValue(bo);
  const setValue = (value: string) => {
    const existing = findExtension(bo, 'lifeline:Calendar');
    const commands = !value
      ? existing ? removeExtension(element, existing) : []
      : (() => {
          const { extension, commands: created } = ensureExtension(element, 'lifeline:Calendar', bpmnFactory);
          return [...created, update(element, extension, { name: value === DEFAULT_CALENDAR ? undefined : value })];
        })();
    if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
  return h(SelectEntry, {
    element, id, label: 'Business calendar', getValue, setValue, getOptions,
    description: isProcess ? 'Working days, hours and holidays for every timer, due date and SLA of the process (admins define calendars).' : 'Working days, hours and holidays for this element\'s timers, due dates and SLAs.',
  });
}

/** The panel entry, for elements that take a calendar. */
export function calendarEntries(element: Moddle) {
  if (!takesCalendar(element)) return [];
  return [{ id: 'lifeline-calendar', element, component: CalendarSelect, isEdited: isSelectEntryEdited }];
}
