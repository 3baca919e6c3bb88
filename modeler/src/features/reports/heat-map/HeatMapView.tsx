/** A deployed process drawn by bpmn-js's NavigatedViewer with the heat overlays; fitted to its box, with zoom buttons. */
import { useEffect } from 'preact/hooks';
import HeatOverlaysModule, { type HeatOverlays, type HeatView } from './heat-overlays';
import { useProcessViewer, ZoomControls } from '../../../diagram/useProcessViewer';

const MODULES = [HeatOverlaysModule];

export function HeatMapView({ xml, processId, label, heat }: { xml?: string; processId: string; label: string; heat: HeatView & { key: string } }) {
  const drawing = useProcessViewer({ xml, processId, modules: MODULES, margin: 0.88 });
  const { shown } = drawing;

  useEffect(() => {
    if (shown.state === 'ready') drawing.viewer.current?.get<HeatOverlays>('heatOverlays').show(heat);
  }, [shown, heat.key]);

  return (
    <div class={`rep-diagram${shown.state === 'missing' ? ' rep-diagram-missing' : ''}`} role="figure" aria-label={label}>
      <div ref={drawing.container} class="rep-diagram-canvas" hidden={shown.state === 'missing'} />
      {shown.state === 'loading' && <p class="rep-diagram-message" aria-busy="true">Drawing the diagram…</p>}
      {shown.state === 'missing' && <p class="rep-diagram-message">{shown.reason}</p>}
      {shown.state === 'ready' && <ZoomControls viewer={drawing} className="rep-zoom" />}
    </div>
  );
}
