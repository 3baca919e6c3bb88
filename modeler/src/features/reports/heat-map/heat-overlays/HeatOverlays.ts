/**
 * The heat map as a bpmn-js service: each element coloured by its figure
 * relative to the largest (four steps, CSS classes, so nothing inline under
 * the CSP), the element with the largest figure marked as the hottest, and
 * the figure itself as an overlay that opens the instances behind it.
 */
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';

export interface HeatView {
  /** Per element id its figure (a median in ms, or tokens waiting); null or 0: no colour. */
  values: Record<string, number | null>;
  /** The figure as the overlay shows it. */
  format(value: number): string;
  /** The overlay's tooltip for an element. */
  describe(elementId: string, value: number): string;
  /** Opens what is behind an element's figure. */
  open?(elementId: string): void;
}

const OVERLAY = 'rep-heat';
const LEVELS = 4;

/** 1–4: a quarter of the largest figure or less is 1, the largest is 4. */
export function heatLevel(value: number, max: number): number {
  return max > 0 ? Math.max(1, Math.ceil((value / max) * LEVELS)) : 0;
}

export default class HeatOverlays {
  static $inject = ['overlays', 'canvas', 'elementRegistry'];
  private marked: [string, string][] = [];

  constructor(private readonly overlays: Overlays, private readonly canvas: Canvas, private readonly elementRegistry: ElementRegistry) {}

  /** Replaces the colours and figures. */
  show(view: HeatView): void {
    this.overlays.remove({ type: OVERLAY });
    for (const [id, marker] of this.marked) if (this.elementRegistry.get(id)) this.canvas.removeMarker(id, marker);
    this.marked = [];
    const shown = Object.entries(view.values).filter((entry): entry is [string, number] => entry[1] !== null && entry[1] > 0 && !!this.elementRegistry.get(entry[0]));
    const max = Math.max(0, ...shown.map(([, value]) => value));
    for (const [id, value] of shown) {
      this.mark(id, `rep-heat-${heatLevel(value, max)}`);
      if (value === max) this.mark(id, 'rep-heat-top');
      const badge = document.createElement(view.open ? 'a' : 'span');
      badge.className = `rep-heat-badge rep-heat-badge-${heatLevel(value, max)}`;
      badge.textContent = view.format(value);
      badge.title = view.describe(id, value);
      badge.dataset.elementId = id;
      if (view.open && badge instanceof HTMLAnchorElement) {
        badge.href = '#';
        badge.addEventListener('click', (event) => {
          event.preventDefault();
          view.open!(id);
        });
      }
      this.overlays.add(id, OVERLAY, { position: this.corner(id), html: badge });
    }
  }

  /** Events and gateways carry their label below: their figure sits above them; activities' at the top right. */
  private corner(id: string): { top: number; left?: number; right?: number } {
    const type = (this.elementRegistry.get(id) as { type?: string } | undefined)?.type ?? '';
    return /Event$|Gateway$/.test(type) ? { top: -22, left: -8 } : { top: -11, right: 8 };
  }

  private mark(id: string, marker: string): void {
    this.canvas.addMarker(id, marker);
    this.marked.push([id, marker]);
  }
}
