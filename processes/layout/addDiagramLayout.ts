/**
 * Gives the shipped models a diagram layout (BPMN DI) so the modeler can
 * open them: `node --import tsx processes/layout/addDiagramLayout.ts [file.bpmn ...]`.
 * bpmn-auto-layout lays out from each flow node's incoming/outgoing
 * references, which hand-written models often omit: they are derived from
 * the sequence flows first. Models that already have DI are left alone
 * unless --force is given. Subprocesses are drawn collapsed, their
 * contents on a plane of their own (as bpmn-js draws a drill-down). Run
 * once, then tidy in the modeler.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
// @ts-expect-error bpmn-auto-layout ships no types
import { layoutProcess } from 'bpmn-auto-layout';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import lifelineDescriptor from '../../engine/parser/lifeline-moddle.json' with { type: 'json' };

const folder = fileURLToPath(new URL('../', import.meta.url));
const newModdle = () => new BpmnModdle({ zeebe, lifeline: lifelineDescriptor }) as unknown as {
  fromXML(xml: string): Promise<{ rootElement: any }>;
  toXML(element: unknown, options: object): Promise<{ xml: string }>;
  create(type: string, properties: object): any;
};

/** Adds <bpmn:incoming>/<bpmn:outgoing> to every flow node from the sequence flows. */
async function withFlowReferences(xml: string): Promise<string> {
  const moddle = newModdle();
  const { rootElement } = await moddle.fromXML(xml);
  const visit = (container: any) => {
    const elements: any[] = container.flowElements ?? [];
    for (const node of elements) {
      if (node.$type !== 'bpmn:SequenceFlow') {
        node.incoming = [];
        node.outgoing = [];
      }
    }
    for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
      flow.sourceRef.outgoing.push(flow);
      flow.targetRef.incoming.push(flow);
    }
    for (const node of elements) if (node.flowElements) visit(node);
  };
  for (const process of rootElement.rootElements.filter((e: any) => e.$type === 'bpmn:Process')) visit(process);
  return (await moddle.toXML(rootElement, { format: true })).xml;
}

/** Moves the shapes inside each subprocess from the main plane to a plane of the subprocess's own. */
async function subProcessPlanes(xml: string): Promise<string> {
  const moddle = newModdle();
  const { rootElement: definitions } = await moddle.fromXML(xml);
  const owner = new Map<string, any>();
  const visit = (container: any, subProcess: any) => {
    for (const element of container.flowElements ?? []) {
      if (subProcess) owner.set(element.id, subProcess);
      if (element.$type === 'bpmn:SubProcess') visit(element, element);
    }
  };
  for (const process of definitions.rootElements.filter((e: any) => e.$type === 'bpmn:Process')) visit(process, undefined);
  const plane = definitions.diagrams[0].plane;
  const moved = new Map<any, any[]>();
  plane.planeElement = plane.planeElement.filter((di: any) => {
    const subProcess = owner.get(di.bpmnElement?.id);
    if (subProcess) moved.set(subProcess, [...(moved.get(subProcess) ?? []), di]);
    return !subProcess;
  });
  for (const [subProcess, elements] of moved) {
    const subPlane = moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${subProcess.id}`, bpmnElement: subProcess, planeElement: elements });
    definitions.diagrams.push(moddle.create('bpmndi:BPMNDiagram', { id: `BPMNDiagram_${subProcess.id}`, plane: subPlane }));
  }
  return (await moddle.toXML(definitions, { format: true })).xml;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = named.length ? named : (await readdir(folder)).filter((f) => f.endsWith('.bpmn')).map((f) => join(folder, f));
  for (const file of files) {
    const xml = await readFile(file, 'utf8');
    if (xml.includes('bpmndi:BPMNDiagram') && !force) {
      console.log(`${file}: has a layout already (--force to redo)`);
      continue;
    }
    await writeFile(file, await subProcessPlanes(await layoutProcess(await withFlowReferences(xml))));
    console.log(`${file}: laid out`);
  }
}

await main();
