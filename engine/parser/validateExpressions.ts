/**
 * Every expression of a scope, checked at deploy: FEEL syntax wherever a
 * value starts with `=` (conditions are always FEEL), and literal values
 * where the engine will read them (timers as ISO 8601 or cron, dates,
 * priorities, retries). Each problem names the element and the field.
 */
import type { Expr, NodeIR, ScopeIR } from '../ir/types.js';
import { feelSyntaxError } from '../expressions/feel.js';
import { validateTimerLiteral } from '../time/timerExpression.js';
import type { Problems } from './Problems.js';

/** A literal check: what is wrong with `text`, or undefined. */
type LiteralCheck = (text: string) => string | undefined;

const wholeNumber = (max?: number): LiteralCheck => (text) =>
  /^\s*\d+\s*$/.test(text) && (max === undefined || Number(text) <= max)
    ? undefined
    : `'${text}' is not a whole number${max === undefined ? '' : ` from 0 to ${max}`}`;
/** Due dates and SLA targets: a date-time, or a duration from the task's creation. */
const dateOrDuration: LiteralCheck = (text) => (/^\s*P/i.test(text) ? validateTimerLiteral('duration', text) : validateTimerLiteral('date', text));
/** SLA at-risk thresholds: a date or duration, or a share of the target such as 80%. */
const threshold: LiteralCheck = (text) => {
  const share = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (!share) return dateOrDuration(text);
  const value = Number(share[1]);
  return value > 0 && value < 100 ? undefined : `'${text}' is not a share of the target between 0% and 100%`;
};

function expressionsOf(node: NodeIR): [string, Expr | undefined, LiteralCheck?][] {
  const event = node.event;
  const task = node.userTask;
  const mi = node.multiInstance;
  const timer = event?.type === 'timer' ? event.timer : undefined;
  return [
    ['job type', node.job?.type],
    ['job retries', node.job?.retries, wholeNumber()],
    ['script', node.script?.expression],
    ['assignee', task?.assignee],
    ['candidate groups', task?.candidateGroups],
    ['candidate users', task?.candidateUsers],
    ['due date', task?.dueDate, dateOrDuration],
    ['follow-up date', task?.followUpDate, dateOrDuration],
    ['SLA target', node.lifeline?.sla?.target, dateOrDuration],
    ['SLA at-risk threshold', node.lifeline?.sla?.atRisk, threshold],
    ...(node.lifeline?.sla?.actions ?? []).flatMap((a): [string, Expr | undefined][] =>
      a.type === 'notify' ? [['SLA notify users', a.users], ['SLA notify groups', a.groups]] : a.type === 'reassign' ? [['SLA reassign candidate groups', a.candidateGroups], ['SLA reassign candidate users', a.candidateUsers]] : []),
    ['priority', task?.priority, wholeNumber(100)],
    ['called process id', node.calledElement?.processId],
    ['input collection', mi?.inputCollection],
    ['output element', mi?.outputElement],
    ['loop cardinality', mi?.loopCardinality],
    ['completion condition', mi?.completionCondition],
    ...(mi?.complexBehavior ?? []).map((c): [string, Expr] => ['behavior condition', c.condition]),
    ['loop condition', node.standardLoop?.loopCondition],
    ['activation condition', node.activationCondition],
    ['completion condition', node.adHoc?.completionCondition],
    ['active elements', node.adHoc?.activeElements],
    ['message name', event?.type === 'message' ? event.messageName : undefined],
    ['correlation key', event?.type === 'message' ? event.correlationKey : undefined],
    ['signal name', event?.type === 'signal' ? event.signalName : undefined],
    ['condition', event?.type === 'conditional' ? event.condition : undefined],
    [`timer ${timer?.kind}`, timer?.value, (text) => validateTimerLiteral(timer!.kind, text)],
    ...(node.inputs ?? []).map((m): [string, Expr] => [`input mapping to '${m.target}'`, m.source]),
    ...(node.outputs ?? []).map((m): [string, Expr] => [`output mapping to '${m.target}'`, m.source]),
  ];
}

/** Checks the expressions of `scope`'s nodes and flows (not of its subprocesses). */
export function validateExpressions(scope: ScopeIR, problems: Problems): void {
  for (const node of Object.values(scope.nodes)) {
    const parts = node.event?.type === 'multiple' ? node.event.definitions.map((event) => ({ ...node, event })) : [];
    const checked = [...expressionsOf(node), ...parts.flatMap((part) => expressionsOf(part).filter(([what]) => /message|correlation|signal|condition|timer/.test(what)))];
    for (const [what, expr, literal] of checked) {
      if (!expr) continue;
      if (expr.isFeel) {
        const error = feelSyntaxError(expr.source);
        if (error) problems.at(node.id, `FEEL syntax error in the ${what}: ${error}`);
      } else if (literal && expr.source.trim() !== '') {
        const error = literal(expr.source);
        if (error) problems.at(node.id, `invalid ${what}: ${error}`);
      }
    }
  }
  for (const flow of Object.values(scope.flows)) {
    if (!flow.condition) continue;
    const error = feelSyntaxError(flow.condition.source);
    if (error) problems.at(flow.id, `FEEL syntax error in the condition: ${error}`);
  }
}
