/**
 * The `lifeline:` extension attributes the panel edits as plain fields, one
 * entry per attribute. Each names the extension element type (from the ONE
 * descriptor engine/parser/lifeline-moddle.json), the attribute, the BPMN
 * elements it applies to, and its choices. The calendar (a select of the
 * server's calendars) and the SLA actions (a list) have entries of their own
 * (calendarEntry.ts, slaActions.ts).
 */
export interface LifelineEntry {
  /** Unique id of the panel entry. */
  id: string;
  label: string;
  description?: string;
  /** The extension element type, e.g. 'lifeline:Assignment'. */
  type: string;
  /** Its attribute that this entry edits. */
  property: string;
  /** BPMN types the entry shows on (bpmn-js `is`, so super types work). */
  appliesTo: string[];
  /** Narrows `appliesTo` by the business object (e.g. none start events of a process only). */
  when?: (bo: any) => boolean;
  /** A select with these choices ('' = not set: the extension element is removed); without options, a text field. */
  options?: { value: string; label: string }[];
}

export const LIFELINE_ENTRIES: LifelineEntry[] = [
  {
    id: 'lifeline-assignment-strategy',
    label: 'Assignment strategy',
    description: 'How Lifeline picks one assignee among the candidates when the task is created.',
    type: 'lifeline:Assignment',
    property: 'strategy',
    appliesTo: ['bpmn:UserTask'],
    options: [
      { value: '', label: 'None (candidates claim the task)' },
      { value: 'leastLoaded', label: 'Least loaded: the candidate with the fewest open tasks' },
      { value: 'roundRobin', label: 'Round robin: the next candidate in turn' },
    ],
  },
  {
    id: 'lifeline-sla-target',
    label: 'SLA target',
    description: 'A duration from the task\'s creation in working time (P2D) or a date-time; FEEL allowed. Its actions are under "SLA actions".',
    type: 'lifeline:Sla',
    property: 'target',
    appliesTo: ['bpmn:UserTask'],
  },
  {
    id: 'lifeline-sla-at-risk',
    label: 'SLA at risk',
    description: 'When the task is at risk: a duration, a date-time or a share of the target (75%).',
    type: 'lifeline:Sla',
    property: 'atRisk',
    appliesTo: ['bpmn:UserTask'],
  },
  {
    id: 'lifeline-business-key-field',
    label: 'Business key from field',
    description: 'The variable (a start form field, or a path such as event.id) whose value is the business key of an instance started here without one.',
    type: 'lifeline:BusinessKey',
    property: 'field',
    appliesTo: ['bpmn:StartEvent'],
    when: isProcessNoneStart,
  },
];

/** A none start event directly in a process: what a person starts (start form, business key). */
export function isProcessNoneStart(bo: any): boolean {
  return !(bo.eventDefinitions?.length) && bo.$parent?.$type === 'bpmn:Process';
}
