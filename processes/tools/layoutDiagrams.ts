/**
 * `npm run layout-diagrams -- <model.bpmn>...`: gives models diagram
 * layout (BPMN DI) with bpmn-auto-layout. The layouter follows each flow
 * node's <bpmn:incoming>/<bpmn:outgoing>, which hand-written XML may leave
 * out: they are filled in from the sequence flows first, as Camunda Modeler
 * writes them. Then two tidy-ups a modeler would do by hand: the content of
 * an embedded subprocess goes to its own plane (the subprocess is drawn
 * collapsed and opens by drill-down, as in Camunda Modeler), and gateway
 * names sit above the gateway, clear of the flows that leave it downwards,
 * event names below the event, wide enough not to break words.
 * The models keep their meaning (extension elements included).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import lifeline from '../../engine/parser/lifeline-moddle.json' with { type: 'json' };

type Element = { $type: string; id: string; name?: string; flowElements?: Element[]; sourceRef?: Element; targetRef?: Element; incoming?: Element[]; outgoing?: Element[]; triggeredByEvent?: boolean };
type DiElement = { $type: string; bpmnElement: Element; bounds?: { x: number; y: number; width: number; height: number }; label?: unknown; isExpanded?: boolean };
type Diagram = { plane: { planeElement: DiElement[] } };

/** Sets incoming/outgoing of every flow node of a process or subprocess from its sequence flows. */
function wire(container: Element): void {
  const elements = container.flowElements ?? [];
  for (const element of elements) {
    if (element.$type !== 'bpmn:SequenceFlow') {
      element.incoming = [];
      element.outgoing = [];
    }
  }
  for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    flow.sourceRef?.outgoing?.push(flow);
    flow.targetRef?.incoming?.push(flow);
  }
  for (const element of elements) if (element.flowElements) wire(element);
}

/** Every id inside a container, at any depth. */
function idsIn(container: Element, ids = new Set<string>()): Set<string> {
  for (const element of container.flowElements ?? []) {
    ids.add(element.id);
    idsIn(element, ids);
  }
  return ids;
}

function subprocessesOf(container: Element, found: Element[] = []): Element[] {
  for (const element of container.flowElements ?? []) {
    if (element.$type === 'bpmn:SubProcess' && !element.triggeredByEvent) found.push(element);
    subprocessesOf(element, found);
  }
  return found;
}

/** Moves the shapes and edges of each embedded subprocess's content to a plane of its own; names of gateways go above them. */
function tidy(moddle: BpmnModdle, definitions: { rootElements: Element[]; diagrams: Diagram[] }): void {
  const [main] = definitions.diagrams;
  for (const root of definitions.rootElements.filter((r) => r.$type === 'bpmn:Process')) {
    for (const sub of subprocessesOf(root)) {
      const inner = idsIn(sub);
      const moved = main.plane.planeElement.filter((e) => inner.has(e.bpmnElement.id));
      main.plane.planeElement = main.plane.planeElement.filter((e) => !inner.has(e.bpmnElement.id));
      const shape = main.plane.planeElement.find((e) => e.bpmnElement === sub);
      if (shape) shape.isExpanded = false;
      const plane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${sub.id}`, bpmnElement: sub, planeElement: moved });
      definitions.diagrams.push(moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${sub.id}`, plane }) as unknown as Diagram);
    }
  }
  for (const diagram of definitions.diagrams) {
    for (const e of diagram.plane.planeElement) {
      if (!e.bounds || !e.bpmnElement.name) continue;
      const { x, y, width, height } = e.bounds;
      const lines = Math.ceil(e.bpmnElement.name.length / 18);
      const label = (top: number) => moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', { x: x + width / 2 - 50, y: top, width: 100, height: 14 * lines }) });
      if (/Gateway$/.test(e.bpmnElement.$type)) e.label = label(y - 4 - 14 * lines);
      else if (/Event$/.test(e.bpmnElement.$type)) e.label = label(y + height + 4);
    }
  }
}

for (const path of process.argv.slice(2)) {
  const moddle = new BpmnModdle({ zeebe, lifeline });
  const { rootElement } = await moddle.fromXML(await readFile(path, 'utf8'));
  const definitions = rootElement as unknown as { rootElements: Element[]; diagrams?: unknown[] };
  definitions.diagrams = [];
  for (const root of definitions.rootElements) if (root.$type === 'bpmn:Process') wire(root);
  const { xml } = await moddle.toXML(rootElement, { format: true });
  const laid = await moddle.fromXML(await layoutProcess(xml));
  tidy(moddle, laid.rootElement as unknown as { rootElements: Element[]; diagrams: Diagram[] });
  await writeFile(path, (await moddle.toXML(laid.rootElement, { format: true })).xml);
  console.log(`laid out ${path}`);
}
