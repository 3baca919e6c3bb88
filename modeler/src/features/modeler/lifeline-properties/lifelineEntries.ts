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
    ],
  },
];
