/** Call activities: the process they start (`zeebe:calledElement`) and how variables flow. */
import { readCalledElement } from '../extensions.js';
import type { NodeReader } from './NodeReader.js';

/** Reads `zeebe:calledElement`; its absence is judged by validateRequirements. */
export const readCallActivity: NodeReader = (element, node, ctx) => {
  const called = readCalledElement(element, ctx.problems);
  if (called) node.calledElement = called;
};
