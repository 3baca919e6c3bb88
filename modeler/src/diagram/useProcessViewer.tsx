/**
 * A deployed process drawn by bpmn-js's NavigatedViewer (pan, zoom, drill
 * into subprocesses), as the monitor and the reports draw it: the diagram
 * that shows the process (findDiagram), fitted to its box and fitted again
 * when the box changes size, or the reason there is nothing to draw. The
 * feature adds its overlays as didi modules and draws them once `shown` is
 * ready.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type { ModuleDeclaration } from 'didi';
import type { Point } from 'diagram-js/lib/util/Types';
import { findDiagram } from './findDiagram';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

/** diagram-js centres on the viewport for any non-object centre ('auto' in its docs); its types only admit a point. */
const CENTRE = 'auto' as unknown as Point;

export type Shown = { state: 'loading' } | { state: 'ready' } | { state: 'missing'; reason: string };

export interface ProcessViewer {
  /** The element the viewer draws into. */
  container: { current: HTMLDivElement | null };
  viewer: { current: NavigatedViewer | undefined };
  shown: Shown;
  fit(): void;
  zoomBy(factor: number): void;
}

/**
 * `xml` undefined: still loading. `margin`: the share of the fitted zoom
 * kept, leaving room for zoom buttons and badges at the edges; small
 * diagrams are drawn no larger than 120 %.
 */
export function useProcessViewer({ xml, processId, modules, margin }: { xml?: string; processId: string; modules: ModuleDeclaration[]; margin: number }): ProcessViewer {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer>();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const drawn = useRef(false);

  const canvas = () => viewer.current?.get<Canvas>('canvas');
  function fit() {
    const c = canvas();
    if (!c || !container.current?.clientWidth) return;
    c.zoom('fit-viewport', CENTRE);
    c.zoom(Math.min(c.zoom() * margin, 1.2), CENTRE);
  }
  const zoomBy = (factor: number) => {
    const c = canvas();
    if (c) c.zoom(c.zoom() * factor, CENTRE);
  };

  useEffect(() => {
    const instance = new NavigatedViewer({ container: container.current!, additionalModules: modules });
    viewer.current = instance;
    // The page's layout settles after the viewer measured its box (narrow screens, the chunk's CSS): measure again and fit.
    const resized = new ResizeObserver(() => {
      if (!drawn.current) return;
      instance.get<Canvas>('canvas').resized();
      fit();
    });
    resized.observe(container.current!);
    return () => {
      resized.disconnect();
      instance.destroy();
    };
  }, []);

  useEffect(() => {
    if (xml === undefined || !viewer.current) return;
    const lookup = findDiagram(xml, processId);
    drawn.current = false;
    if (!lookup.found) return setShown({ state: 'missing', reason: lookup.reason });
    let current = true;
    viewer.current.importXML(xml, lookup.diagramId).then(
      () => {
        if (!current) return;
        drawn.current = true;
        fit();
        setShown({ state: 'ready' });
      },
      (error: Error) => current && setShown({ state: 'missing', reason: `The diagram could not be drawn: ${error.message}` }),
    );
    return () => {
      current = false;
    };
  }, [xml, processId]);

  return { container, viewer, shown, fit, zoomBy };
}

/** Zoom in, zoom out and fit, for a viewer's corner (`className` places them). */
export function ZoomControls({ viewer, className }: { viewer: ProcessViewer; className: string }) {
  return (
    <div class={className} role="group" aria-label="Zoom">
      <button type="button" class="button" onClick={() => viewer.zoomBy(1.25)} aria-label="Zoom in">+</button>
      <button type="button" class="button" onClick={() => viewer.zoomBy(0.8)} aria-label="Zoom out">−</button>
      <button type="button" class="button" onClick={viewer.fit}>Fit</button>
    </div>
  );
}
