/**
 * A deployed process drawn by bpmn-js's NavigatedViewer (pan, zoom,
 * drill into subprocesses) with the monitor's token overlays. Clicking a
 * flow node reports it (the "move token" pick). A model without a layout
 * gets a clear message instead of a blank box.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type EventBus from 'diagram-js/lib/core/EventBus';
import TokenOverlaysModule, { type PickView, type TokenOverlays, type TokenView } from './token-overlays';
import { useProcessViewer, ZoomControls } from '../../../diagram/useProcessViewer';
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

const MODULES = [TokenOverlaysModule];

export function DiagramView({ xml, processId, label, tokens, pick, onElementClick, footer }: DiagramViewProps) {
  // Fitted with a margin for the zoom buttons and the badges at the edges.
  const drawing = useProcessViewer({ xml, processId, modules: MODULES, margin: 0.9 });
  const { shown, viewer } = drawing;
  const click = useRef(onElementClick);
  click.current = onElementClick;

  useEffect(() => {
    viewer.current!.get<EventBus>('eventBus').on('element.click', (event: { element: { id: string; businessObject?: { $instanceOf?(type: string): boolean } } }) => {
      if (event.element.businessObject?.$instanceOf?.('bpmn:FlowNode')) click.current?.(event.element.id);
    });
  }, []);

  useEffect(() => {
    if (shown.state === 'ready') viewer.current?.get<TokenOverlays>('tokenOverlays').show(tokens);
  }, [shown, JSON.stringify(tokens)]);

  useEffect(() => {
    if (shown.state === 'ready') viewer.current?.get<TokenOverlays>('tokenOverlays').pick(pick);
  }, [shown, JSON.stringify(pick)]);

  return (
    <>
      <div class={`mon-diagram${shown.state === 'missing' ? ' mon-diagram-missing' : ''}`} role="figure" aria-label={label}>
        <div ref={drawing.container} class={`mon-diagram-canvas${onElementClick ? ' mon-picking' : ''}`} hidden={shown.state === 'missing'} />
        {shown.state === 'loading' && <p class="mon-diagram-message" aria-busy="true">Drawing the diagram…</p>}
        {shown.state === 'missing' && <p class="mon-diagram-message mon-no-diagram" role="note">{shown.reason}</p>}
        {shown.state === 'ready' && <ZoomControls viewer={drawing} className="mon-zoom" />}
      </div>
      {shown.state === 'ready' && footer}
    </>
  );
}
