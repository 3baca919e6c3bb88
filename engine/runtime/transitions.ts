/**
 * The decisions of one compiled statechart, remembered. Our machines are
 * flat and their only guard reads the event's code, so XState's answer to
 * (state, event type) never changes for a code-less event: it is asked once
 * per machine, state and event type, and the answer is reused by every step
 * of every instance of the definition. Asking XState each time (an inert
 * actor, a snapshot resolved from the stored state value, a macrostep) was a
 * fifth of the engine's CPU on the hot path. Events with a code (errors,
 * escalations: the guard reads it, and any worker may invent codes) are
 * always asked afresh, so the memory stays bounded by the model.
 */
import { transition, type AnyStateMachine } from 'xstate';
import type { RuntimeEvent } from './machines.js';

/** What a statechart answered: the next state and the actions to run (shared: never mutate). */
export interface Decision {
  next: string;
  actions: readonly { type: string; params?: unknown }[];
}

export class TransitionTable {
  private readonly decided = new Map<string, Decision>();

  constructor(private readonly machine: AnyStateMachine) {}

  /** XState's decision for `event` in `state` (remembered for events without a code). */
  decide(state: string, event: RuntimeEvent): Decision {
    const remembered = !('code' in event);
    const key = `${state}\u0000${event.type}`;
    if (remembered) {
      const known = this.decided.get(key);
      if (known) return known;
    }
    const snapshot = this.machine.resolveState({ value: state, context: {} });
    const [next, actions] = transition(this.machine, snapshot, event as never);
    const decision: Decision = { next: next.value as string, actions: actions.map((a) => ({ type: a.type, params: a.params })) };
    if (remembered) this.decided.set(key, decision);
    return decision;
  }
}
