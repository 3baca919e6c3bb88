/**
 * What retrying a stalled evaluation (runtime/stalls.ts) does, per kind:
 * each is evaluated again where it failed, with the variables as they are now.
 */
import type { Runtime } from '../Runtime.js';
import type { Execution, StalledEvaluation } from '../tree.js';
import { retryComplexActivation } from './flow.js';
import { retryAdHocCompletion } from './adHoc.js';
import { listenAgain } from '../inputs.js';
import { attempt } from '../stalls.js';

/** Evaluates `stall` of `owner` again (it is no longer stalled; a new failure is a new incident). */
export function redoStalled(rt: Runtime, owner: Execution, stall: StalledEvaluation): void {
  switch (stall.what) {
    case 'condition':
      // Watched conditions are evaluated when the step settles (behaviours/conditions.ts).
      return;
    case 'activation':
      retryComplexActivation(rt, owner, stall.elementId);
      return;
    case 'completion':
      retryAdHocCompletion(rt, owner);
      return;
    case 'listen':
      if (rt.index.get(owner.id) === owner && owner.state === 'active') attempt(rt, owner, stall.elementId, 'listen', () => listenAgain(rt, owner, stall.elementId, stall.part), stall.part);
      return;
    case 'signal':
      // The signal has passed; the event hears the next one.
      return;
  }
}
