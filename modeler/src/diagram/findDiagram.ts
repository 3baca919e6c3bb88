/**
 * Which BPMN diagram draws a process: the one whose plane shows the process
 * itself or a collaboration with a pool of it. A file may hold several
 * processes; a model without BPMN DI has no diagram at all (the viewer
 * then says so instead of showing an empty box).
 */
const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';

export type DiagramLookup = { found: true; diagramId?: string } | { found: false; reason: string };

export function findDiagram(xml: string, processId: string): DiagramLookup {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return { found: false, reason: 'The deployed file is not readable XML.' };
  const owners = new Set([processId]);
  for (const collaboration of Array.from(doc.getElementsByTagNameNS(BPMN, 'collaboration'))) {
    const pools = Array.from(collaboration.getElementsByTagNameNS(BPMN, 'participant'));
    if (pools.some((pool) => pool.getAttribute('processRef') === processId)) owners.add(collaboration.getAttribute('id') ?? '');
  }
  const planes = Array.from(doc.getElementsByTagNameNS(BPMNDI, 'BPMNPlane'));
  if (!planes.length) return { found: false, reason: 'This process version was deployed without a diagram layout (BPMN DI), so there is nothing to draw. Open it in the Modeler and deploy it again to get one.' };
  const plane = planes.find((p) => owners.has(p.getAttribute('bpmnElement') ?? ''));
  if (!plane) return { found: false, reason: `The deployed file has diagrams, but none of them draws the process ${processId}.` };
  return { found: true, diagramId: plane.parentElement?.getAttribute('id') ?? undefined };
}
