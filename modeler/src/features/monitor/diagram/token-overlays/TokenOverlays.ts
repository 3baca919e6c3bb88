/**
 * Tokens on the diagram, as a bpmn-js service: markers on the elements that
 * hold a token or an incident, and per element badges with the tokens that
 * wait there, failed there (open incidents) and passed it. Also the markers
 * of the "move token" pick (from, to, and what may be picked).
 */
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';

export interface TokenCounts {
  passed: number;
  waiting: number;
  failed: number;
}

export interface TokenView {
  stats: Record<string, TokenCounts>;
  /** Elements holding a token now (instance page). */
  active: string[];
  /** Elements with an open incident. */
  incidents: string[];
  showPassed: boolean;
}

export interface PickView {
  from?: string;
  to?: string;
  /** Elements that may be picked now (highlighted). */
  pickable: string[];
}

const OVERLAY = 'mon-tokens';

function badge(kind: 'waiting' | 'failed' | 'passed', count: number): HTMLElement {
  const words = { waiting: 'waiting', failed: 'with an incident', passed: 'passed' } as const;
  const span = document.createElement('span');
  span.className = `mon-token mon-token-${kind}`;
  span.textContent = String(count);
  span.title = `${count} token${count === 1 ? '' : 's'} ${words[kind]}`;
  return span;
}

export default class TokenOverlays {
  static $inject = ['overlays', 'canvas', 'elementRegistry'];
  private marked: [string, string][] = [];
  private picked: [string, string][] = [];

  constructor(private readonly overlays: Overlays, private readonly canvas: Canvas, private readonly elementRegistry: ElementRegistry) {}

  /** Replaces the token markers and badges. */
  show(view: TokenView): void {
    this.overlays.remove({ type: OVERLAY });
    this.unmark(this.marked);
    this.marked = [];
    for (const id of view.active) this.mark(this.marked, id, 'mon-active');
    for (const id of view.incidents) this.mark(this.marked, id, 'mon-incident');
    for (const [id, counts] of Object.entries(view.stats)) {
      if (!this.elementRegistry.get(id)) continue;
      const html = document.createElement('div');
      html.className = 'mon-token-badges';
      if (counts.waiting) html.append(badge('waiting', counts.waiting));
      if (counts.failed) html.append(badge('failed', counts.failed));
      if (view.showPassed && counts.passed) html.append(badge('passed', counts.passed));
      if (html.childElementCount) this.overlays.add(id, OVERLAY, { position: this.corner(id), html });
    }
  }

  /** Replaces the markers of a "move token" pick. */
  pick(view: PickView | undefined): void {
    this.unmark(this.picked);
    this.picked = [];
    if (!view) return;
    for (const id of view.pickable) this.mark(this.picked, id, 'mon-pickable');
    if (view.from) this.mark(this.picked, view.from, 'mon-pick-from');
    if (view.to) this.mark(this.picked, view.to, 'mon-pick-to');
  }

  /** Events and gateways carry their label below: their badges sit above the top-left corner; activities' at the bottom left. */
  private corner(id: string): { top?: number; bottom?: number; left: number } {
    const type = (this.elementRegistry.get(id) as { type?: string } | undefined)?.type ?? '';
    return /Event$|Gateway$/.test(type) ? { top: -14, left: -12 } : { bottom: 12, left: -8 };
  }

  private mark(list: [string, string][], id: string, marker: string): void {
    if (!this.elementRegistry.get(id)) return;
    this.canvas.addMarker(id, marker);
    list.push([id, marker]);
  }

  private unmark(list: [string, string][]): void {
    for (const [id, marker] of list) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, marker);
  }
}
