/**
 * Where a rehearsal's tokens are: on every element, a blue badge with the
 * tokens waiting there, a grey one with how often it completed, a red one
 * with open incidents, and the element outlined while it holds a token.
 * A replay's verdict is shown the same way: the path it went green, the
 * elements of the first difference red.
 */
type Service = any;

export interface ElementCounts {
  active: number;
  completed: number;
  incidents: number;
}

const TOKENS = 'rehearsal-tokens';
const REPLAY = 'rehearsal-replay';
const ACTIVE_MARKER = 'rehearsal-active';
const PATH_MARKER = 'rehearsal-passed';
const DIFF_MARKER = 'rehearsal-differs';

export default class TokenOverlays {
  static $inject = ['canvas', 'overlays', 'elementRegistry'];
  private marked: [string, string][] = [];

  constructor(private canvas: Service, private overlays: Service, private elementRegistry: Service) {}

  private mark(id: string, marker: string): void {
    if (!this.elementRegistry.get(id)) return;
    this.canvas.addMarker(id, marker);
    this.marked.push([id, marker]);
  }

  /** Replaces the shown counts. */
  showCounts(counts: Record<string, ElementCounts>): void {
    this.clear();
    for (const [id, c] of Object.entries(counts)) {
      const element = this.elementRegistry.get(id);
      if (!element || element.type === 'label' || element.waypoints) continue;
      const badges = [
        c.active ? `<span class="token-badge active" title="tokens waiting here">${c.active}</span>` : '',
        c.incidents ? `<span class="token-badge incident" title="open incidents">${c.incidents}</span>` : '',
        c.completed ? `<span class="token-badge completed" title="times completed">${c.completed}</span>` : '',
      ].join('');
      if (!badges) continue;
      if (c.active) this.mark(id, ACTIVE_MARKER);
      this.overlays.add(id, TOKENS, { position: { bottom: 10, left: -8 }, html: `<div class="token-overlay" data-element-id="${id}" data-active="${c.active}" data-completed="${c.completed}">${badges}</div>` });
    }
  }

  /** The collapsed subprocesses an element is drawn inside (their shapes on the planes above). */
  private planesAbove(id: string): string[] {
    const shapes: string[] = [];
    let element = this.elementRegistry.get(id);
    for (let depth = 0; element && depth < 20; depth++) {
      const root = this.canvas.findRoot(element);
      const owner = root?.businessObject?.id && root !== element ? this.elementRegistry.get(root.businessObject.id) : undefined;
      if (!owner || owner === element) break;
      shapes.push(owner.id);
      element = owner;
    }
    return shapes;
  }

  /** Marks a replay's path (passed) and the elements of its first difference (and the collapsed subprocesses holding them). */
  showReplay(path: string[], differing: string[]): void {
    this.clear();
    const marked = [...new Set([...differing, ...differing.flatMap((id) => this.planesAbove(id))])];
    for (const id of path) if (!marked.includes(id)) this.mark(id, PATH_MARKER);
    for (const id of marked) {
      this.mark(id, DIFF_MARKER);
      if (this.elementRegistry.get(id)) this.overlays.add(id, REPLAY, { position: { top: -10, right: 10 }, html: '<span class="token-badge incident" title="the replay differs here">≠</span>' });
    }
  }

  clear(): void {
    for (const [id, marker] of this.marked) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, marker);
    this.overlays.remove({ type: TOKENS });
    this.overlays.remove({ type: REPLAY });
    this.marked = [];
  }

  /** Shows an element wherever it is drawn (a subprocess's plane too), and selects it. */
  reveal(id: string): void {
    const element = this.elementRegistry.get(id);
    if (!element) return;
    const root = this.canvas.findRoot(element);
    if (root && root !== this.canvas.getRootElement()) this.canvas.setRootElement(root);
    this.canvas.scrollToElement(element);
  }
}
