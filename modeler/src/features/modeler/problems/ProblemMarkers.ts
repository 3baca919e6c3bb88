/**
 * The engine's problems on the diagram: a red marker on each element that
 * has one and its messages beside it (a diagram-js overlay). Problems
 * whose element is not drawn (the whole file, the process itself, a message
 * definition) are returned so the page lists them at the top.
 */
import type { ModelProblem } from '../../../api';

type Service = any;

export const PROBLEM_MARKER = 'lifeline-problem';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export default class ProblemMarkers {
  static $inject = ['canvas', 'overlays', 'elementRegistry'];
  private marked: string[] = [];

  constructor(private canvas: Service, private overlays: Service, private elementRegistry: Service) {}

  /** Is this problem drawn on a shape or connection (not the root, not missing)? */
  isOnDiagram(problem: ModelProblem): boolean {
    if (!problem.elementId) return false;
    const element = this.elementRegistry.get(problem.elementId);
    return Boolean(element && element !== this.canvas.getRootElement() && element.type !== 'label');
  }

  /** Replaces the shown problems; returns those that could not be placed on an element. */
  show(problems: ModelProblem[]): ModelProblem[] {
    this.clear();
    const byElement = new Map<string, string[]>();
    const elsewhere: ModelProblem[] = [];
    for (const problem of problems) {
      if (!this.isOnDiagram(problem)) elsewhere.push(problem);
      else byElement.set(problem.elementId!, [...(byElement.get(problem.elementId!) ?? []), problem.message]);
    }
    for (const [id, messages] of byElement) {
      this.canvas.addMarker(id, PROBLEM_MARKER);
      this.overlays.add(id, PROBLEM_MARKER, {
        position: { top: -8, left: -4 },
        html: `<div class="problem-overlay" data-element-id="${escape(id)}" role="note"><span class="problem-badge" aria-hidden="true">!</span><ul>${messages.map((m) => `<li>${escape(m)}</li>`).join('')}</ul></div>`,
      });
      this.marked.push(id);
    }
    return elsewhere;
  }

  clear(): void {
    for (const id of this.marked) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, PROBLEM_MARKER);
    this.overlays.remove({ type: PROBLEM_MARKER });
    this.marked = [];
  }
}
