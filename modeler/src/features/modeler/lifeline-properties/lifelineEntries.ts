/**
 * The `lifeline:` extension properties the panel edits, one entry per
 * attribute. Each names the extension element type (from the ONE descriptor
 * engine/parser/lifeline-moddle.json), the attribute, the BPMN elements it
 * applies to, and its choices. Adding an SLA policy or a calendar is one more
 * entry here (and its type in the descriptor).
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
    id: 'lifeline-calendar-name',
    label: 'Business calendar',
    description: 'The calendar (by name, see /api/calendars) that shapes timers, due dates and SLAs here; on the process, of every element.',
    type: 'lifeline:Calendar',
    property: 'name',
    appliesTo: ['bpmn:Process', 'bpmn:UserTask', 'bpmn:StartEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'],
  },
  {
    id: 'lifeline-sla-target',
    label: 'SLA target',
    description: 'A duration from the task\'s creation in working time (P2D) or a date-time; FEEL allowed. Actions (notify, reassign, escalate) are children of lifeline:sla in the XML.',
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
];
