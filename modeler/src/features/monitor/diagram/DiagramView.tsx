/**
 * A deployed process drawn by bpmn-js's NavigatedViewer (pan, zoom,
 * drill into subprocesses) with the monitor's token overlays. Clicking a
 * flow node reports it (the "move token" pick). A model without a layout
 * gets a clear message instead of a blank box.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type { Point } from 'diagram-js/lib/util/Types';
import type EventBus from 'diagram-js/lib/core/EventBus';
import TokenOverlaysModule, { type PickView, type TokenOverlays, type TokenView } from './token-overlays';
import { findDiagram } from '../../../diagram/findDiagram';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './diagram.css';

export interface DiagramViewProps {
  /** The deployed BPMN XML (undefined while it loads). */
  xml?: string;
  processId: string;
  /** What the diagram shows, for screen readers ("Order, version 2, with token counts"). */
  label: string;
  tokens: TokenView;
  pick?: PickView;
  onElementClick?(elementId: string): void;
  /** Shown under the diagram once it is drawn (the legend). */
  footer?: ComponentChildren;
}

/** diagram-js centres on the viewport for any non-object centre ('auto' in its docs); its types only admit a point. */
const CENTRE = 'auto' as unknown as Point;

type Shown = { state: 'loading' } | { state: 'ready' } | { state: 'missing'; reason: string };

export function DiagramView({ xml, processId, label, tokens, pick, onElementClick, footer }: DiagramViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer>();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const drawn = useRef(false);
  const click = useRef(onElementClick);
  click.current = onElementClick;

  useEffect(() => {
    const instance = new NavigatedViewer({ container: container.current!, additionalModules: [TokenOverlaysModule] });
    viewer.current = instance;
    instance.get<EventBus>('eventBus').on('element.click', (event: { element: { id: string; businessObject?: { $instanceOf?(type: string): boolean } } }) => {
      if (event.element.businessObject?.$instanceOf?.('bpmn:FlowNode')) click.current?.(event.element.id);
    });
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

  useEffect(() => {
    if (shown.state === 'ready') viewer.current?.get<TokenOverlays>('tokenOverlays').show(tokens);
  }, [shown, JSON.stringify(tokens)]);

  useEffect(() => {
    if (shown.state === 'ready') viewer.current?.get<TokenOverlays>('tokenOverlays').pick(pick);
  }, [shown, JSON.stringify(pick)]);

  const canvas = () => viewer.current?.get<Canvas>('canvas');
  function fit() {
    const c = canvas();
    if (!c || !container.current?.clientWidth) return;
    // Fitted, with a margin for the zoom buttons and the badges at the edges; small diagrams no larger than 120 %.
    c.zoom('fit-viewport', CENTRE);
    c.zoom(Math.min(c.zoom() * 0.9, 1.2), CENTRE);
  }
  const zoomBy = (factor: number) => {
    const c = canvas();
    if (c) c.zoom(c.zoom() * factor, CENTRE);
  };

  return (
    <>
      <div class={`mon-diagram${shown.state === 'missing' ? ' mon-diagram-missing' : ''}`} role="figure" aria-label={label}>
        <div ref={container} class={`mon-diagram-canvas${onElementClick ? ' mon-picking' : ''}`} hidden={shown.state === 'missing'} />
        {shown.state === 'loading' && <p class="mon-diagram-message" aria-busy="true">Drawing the diagram…</p>}
        {shown.state === 'missing' && <p class="mon-diagram-message mon-no-diagram" role="note">{shown.reason}</p>}
        {shown.state === 'ready' && (
          <div class="mon-zoom" role="group" aria-label="Zoom">
            <button type="button" class="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">+</button>
            <button type="button" class="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out">−</button>
            <button type="button" class="button" onClick={fit}>Fit</button>
          </div>
        )}
      </div>
      {shown.state === 'ready' && footer}
    </>
  );
}
