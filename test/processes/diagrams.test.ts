import { expect } from 'chai';
import { readFile, readdir } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import lifeline from '../../engine/parser/lifeline-moddle.json' with { type: 'json' };

/**
 * The shipped models must open in the modeler as drawn: every flow node has
 * a shape and every sequence flow an edge (BPMN DI), and the modeler's
 * bpmnlint configuration (modeler/.bpmnlintrc) finds nothing. That they
 * import into bpmn-js without warnings is checked in the browser
 * (test/e2e/modeler/shippedModels.test.ts).
 */
const folder = new URL('../../processes/', import.meta.url);
const lintConfig = JSON.parse(await readFile(new URL('../../modeler/.bpmnlintrc', import.meta.url), 'utf8'));

async function models(): Promise<{ name: string; xml: string }[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.bpmn')).sort();
  return Promise.all(names.map(async (name) => ({ name, xml: await readFile(new URL(name, folder), 'utf8') })));
}

function flowElementsOf(container: any): any[] {
  return (container.flowElements ?? []).flatMap((e: any) => [e, ...flowElementsOf(e)]);
}

describe('processes: diagram layout and lint', () => {
  it('should ship at least the three lifecycle models', async () => {
    expect((await models()).length).to.be.at.least(3);
  });

  it('should give every flow node a shape and every sequence flow an edge in every shipped model', async () => {
    for (const { name, xml } of await models()) {
      // given
      const { rootElement, warnings } = await new BpmnModdle({ zeebe, lifeline }).fromXML(xml);
      expect(warnings.map((w: { message: string }) => w.message), name).to.deep.equal([]);
      // when
      const drawn = new Set<string>();
      for (const diagram of rootElement.diagrams ?? []) for (const di of diagram.plane.planeElement ?? []) drawn.add(di.bpmnElement?.id);
      const elements = rootElement.rootElements.filter((e: any) => e.$type === 'bpmn:Process').flatMap(flowElementsOf);
      // then
      const missing = elements.filter((e: any) => !drawn.has(e.id)).map((e: any) => `${e.$type} ${e.id}`);
      expect(missing, `${name}: elements without a shape or edge`).to.deep.equal([]);
    }
  });

  it('should find nothing to lint in any shipped model with the modeler\'s rules', async () => {
    const linter = new Linter({ config: lintConfig, resolver: new NodeResolver() });
    for (const { name, xml } of await models()) {
      const { rootElement } = await new BpmnModdle({ zeebe, lifeline }).fromXML(xml);
      const reports = await linter.lint(rootElement);
      const found = Object.entries(reports).flatMap(([rule, list]) => list.map((r) => `${rule}: ${r.id} ${r.message}`));
      expect(found, name).to.deep.equal([]);
    }
  });
});
