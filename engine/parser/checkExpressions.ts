/**
 * Every expression of a scope, checked at deploy: FEEL syntax everywhere,
 * timer literals as ISO 8601 / cron. Each problem names the element.
 */
import type { Expr, NodeIR, Problem, ScopeIR } from '../ir/types.js';
import { feelSyntaxError } from '../expressions/feel.js';
import { validateTimerLiteral } from '../time/timerExpression.js';

function expressionsOf(node: NodeIR): [string, Expr | undefined][] {
  const event = node.event;
  const ut = node.userTask;
  const mi = node.multiInstance;
  return [
    ['job type', node.job?.type],
    ['job retries', node.job?.retries],
    ['script', node.script?.expression],
    ['assignee', ut?.assignee],
    ['candidate groups', ut?.candidateGroups],
    ['candidate users', ut?.candidateUsers],
    ['due date', ut?.dueDate],
    ['follow-up date', ut?.followUpDate],
    ['priority', ut?.priority],
    ['called process id', node.calledElement?.processId],
    ['input collection', mi?.inputCollection],
    ['output element', mi?.outputElement],
    ['loop cardinality', mi?.loopCardinality],
    ['completion condition', mi?.completionCondition],
    ['loop condition', node.standardLoop?.loopCondition],
    ['message name', event?.type === 'message' ? event.messageName : undefined],
    ['correlation key', event?.type === 'message' ? event.correlationKey : undefined],
    ['signal name', event?.type === 'signal' ? event.signalName : undefined],
    ...(node.inputs ?? []).map((m): [string, Expr] => [`input mapping to ${m.target}`, m.source]),
    ...(node.outputs ?? []).map((m): [string, Expr] => [`output mapping to ${m.target}`, m.source]),
  ];
}

/** Problems with the expressions of `scope` (not recursing: the caller walks subprocesses). */
export function checkExpressions(scope: ScopeIR): Problem[] {
  const problems: Problem[] = [];
  for (const node of Object.values(scope.nodes)) {
    for (const [what, expr] of expressionsOf(node)) {
      if (!expr || !expr.isFeel) continue;
      const error = feelSyntaxError(expr.source);
      if (error) problems.push({ elementId: node.id, message: `${node.id}: ${what} is not valid FEEL: ${error}` });
    }
    if (node.event?.type === 'timer') {
      const { kind, value } = node.event.timer;
      const error = value.isFeel ? feelSyntaxError(value.source) : validateTimerLiteral(kind, value.source);
      if (error) problems.push({ elementId: node.id, message: `${node.id}: invalid timer ${kind}: ${error}` });
    }
  }
  for (const flow of Object.values(scope.flows)) {
    if (!flow.condition) continue;
    const error = feelSyntaxError(flow.condition.source);
    if (error) problems.push({ elementId: flow.id, message: `${flow.id}: condition is not valid FEEL: ${error}` });
  }
  return problems;
}
