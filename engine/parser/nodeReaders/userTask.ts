/**
 * User tasks: `zeebe:assignmentDefinition`, `zeebe:taskSchedule`,
 * `zeebe:priorityDefinition`, `zeebe:formDefinition` (a form deployed
 * separately, or one embedded in the process as `zeebe:userTaskForm`), the
 * `lifeline:assignment` strategy and the `lifeline:sla` policy.
 */
import type { UserTaskDefinition } from '../../ir/types.js';
import { toExpr } from '../../expressions/feel.js';
import { ext } from '../extensions.js';
import { readFormLink } from '../readFormLink.js';
import { ASSIGNMENT_STRATEGIES } from '../lifelineModdle.js';
import { readSla } from '../readLifeline.js';
import type { NodeReader } from './NodeReader.js';

function text(value: unknown): string | undefined {
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value);
}

/** User task details and the Lifeline assignment strategy. */
export const readUserTask: NodeReader = (element, node, ctx) => {
  const assignment = ext(element, 'zeebe:AssignmentDefinition');
  const schedule = ext(element, 'zeebe:TaskSchedule');
  const def: UserTaskDefinition = {};
  const set = (field: 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority', value: unknown) => {
    const written = text(value);
    if (written !== undefined) def[field] = toExpr(written);
  };
  set('assignee', assignment?.assignee);
  set('candidateGroups', assignment?.candidateGroups);
  set('candidateUsers', assignment?.candidateUsers);
  set('dueDate', schedule?.dueDate);
  set('followUpDate', schedule?.followUpDate);
  set('priority', ext(element, 'zeebe:PriorityDefinition')?.priority);
  Object.assign(def, readFormLink(element, ctx.forms, ctx.problems));
  node.userTask = def;

  const sla = readSla(element, node.id, ctx.problems);
  if (sla) node.lifeline = { ...node.lifeline, sla };
  const strategy = ext(element, 'lifeline:Assignment');
  if (!strategy) return;
  const name = text(strategy.strategy);
  if (!name) ctx.problems.at(node.id, 'lifeline:assignment has no strategy');
  else if (!ASSIGNMENT_STRATEGIES.includes(name)) ctx.problems.at(node.id, `unknown assignment strategy '${name}' (known: ${ASSIGNMENT_STRATEGIES.join(', ')})`);
  else node.lifeline = { ...node.lifeline, assignmentStrategy: name };
};
