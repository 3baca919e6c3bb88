/**
 * The problems found while reading one BPMN file. The parser never stops at
 * the first one: every reader and validator adds to this list, and a deploy
 * shows them all, each on its element.
 */
import type { Problem } from '../ir/types.js';

/** Collects problems in the order they are found, without repeating one. */
export class Problems {
  private readonly list: Problem[] = [];
  private readonly seen = new Set<string>();

  /** A problem that belongs to the element `elementId`. */
  at(elementId: string | undefined, message: string): void {
    const key = `${elementId ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(elementId ? { elementId, message } : { message });
  }

  /** A problem of the whole file (no element to point at). */
  general(message: string): void {
    this.at(undefined, message);
  }

  get all(): Problem[] {
    return [...this.list];
  }
}
