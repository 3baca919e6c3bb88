/**
 * Gives the shipped models a diagram layout (BPMN DI) so the modeler can
 * open them: `node --import tsx processes/layout/addDiagramLayout.ts [file.bpmn ...]`.
 * bpmn-auto-layout lays out from each flow node's incoming/outgoing
 * references, which hand-written models often omit: they are derived from
 * the sequence flows first. Models that already have DI are left alone
 * unless --force is given. Run once, then tidy in the modeler.
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

/** Adds <bpmn:incoming>/<bpmn:outgoing> to every flow node from the sequence flows. */
async function withFlowReferences(xml: string): Promise<string> {
  const moddle = new BpmnModdle({ zeebe, lifeline: lifelineDescriptor });
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
  // toXML is not in the project's small declaration of bpmn-moddle (types/bpmn-moddle.d.ts), which only the parser needs
  return (await (moddle as unknown as { toXML(e: unknown, o: object): Promise<{ xml: string }> }).toXML(rootElement, { format: true })).xml;
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
    await writeFile(file, await layoutProcess(await withFlowReferences(xml)));
    console.log(`${file}: laid out`);
  }
}

await main();
