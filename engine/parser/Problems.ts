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

  private readonly warningList: Problem[] = [];

  /**
   * Something the standard tolerates but that has no effect here (a
   * condition on a flow leaving a parallel gateway, an item definition that
   * cannot be resolved): the model deploys, and the deploy answer says so.
   */
  warn(elementId: string | undefined, message: string): void {
    if (this.warningList.some((w) => w.elementId === elementId && w.message === message)) return;
    this.warningList.push(elementId ? { elementId, message } : { message });
  }

  get warnings(): Problem[] {
    return [...this.warningList];
  }
}
