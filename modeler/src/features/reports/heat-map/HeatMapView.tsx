/** A deployed process drawn by bpmn-js's NavigatedViewer with the heat overlays; fitted to its box, with zoom buttons. */
import { useEffect, useRef, useState } from 'preact/hooks';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type { Point } from 'diagram-js/lib/util/Types';
import HeatOverlaysModule, { type HeatOverlays, type HeatView } from './heat-overlays';
import { findDiagram } from '../../../diagram/findDiagram';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';

/** diagram-js centres on the viewport for any non-object centre; its types only admit a point. */
const CENTRE = 'auto' as unknown as Point;

type Shown = { state: 'loading' } | { state: 'ready' } | { state: 'missing'; reason: string };

export function HeatMapView({ xml, processId, label, heat }: { xml?: string; processId: string; label: string; heat: HeatView & { key: string } }) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer>();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });

  useEffect(() => {
    const instance = new NavigatedViewer({ container: container.current!, additionalModules: [HeatOverlaysModule] });
    viewer.current = instance;
    return () => instance.destroy();
  }, []);

  useEffect(() => {
    if (xml === undefined || !viewer.current) return;
    const lookup = findDiagram(xml, processId);
    if (!lookup.found) return setShown({ state: 'missing', reason: lookup.reason });
    let current = true;
    viewer.current.importXML(xml, lookup.diagramId).then(
      () => {
        if (!current) return;
        fit();
        setShown({ state: 'ready' });
      },
      (error: Error) => current && setShown({ state: 'missing', reason: `The diagram could not be drawn: ${error.message}` }),
    );
    return () => {
      current = false;
    };
  }, [xml, processId]);

  useEffect(() => {
    if (shown.state === 'ready') viewer.current?.get<HeatOverlays>('heatOverlays').show(heat);
  }, [shown, heat.key]);

  const canvas = () => viewer.current?.get<Canvas>('canvas');
  function fit() {
    const c = canvas();
    if (!c || !container.current?.clientWidth) return;
    c.zoom('fit-viewport', CENTRE);
    c.zoom(Math.min(c.zoom() * 0.88, 1.2), CENTRE);
  }
  const zoomBy = (factor: number) => {
    const c = canvas();
    if (c) c.zoom(c.zoom() * factor, CENTRE);
  };

  return (
    <div class={`rep-diagram${shown.state === 'missing' ? ' rep-diagram-missing' : ''}`} role="figure" aria-label={label}>
      <div ref={container} class="rep-diagram-canvas" hidden={shown.state === 'missing'} />
      {shown.state === 'loading' && <p class="rep-diagram-message" aria-busy="true">Drawing the diagram…</p>}
      {shown.state === 'missing' && <p class="rep-diagram-message">{shown.reason}</p>}
      {shown.state === 'ready' && (
        <div class="rep-zoom" role="group" aria-label="Zoom">
          <button type="button" class="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">+</button>
          <button type="button" class="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">−</button>
          <button type="button" class="button" onClick={fit}>Fit</button>
        </div>
      )}
    </div>
  );
}
