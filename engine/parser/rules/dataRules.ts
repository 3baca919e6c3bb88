/**
 * Data inputs and outputs (BPMN 10.4): a subprocess has no
 * ioSpecification of its own, every data input belongs to an input set and
 * every data output to an output set, and a data association without a
 * transformation has exactly one source. Lifeline's variables do not use
 * them, but a model that breaks them is not a valid model.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';
import { walkModdle } from './walkModdle.js';

/** Reports the data rules an element breaks, on the element that owns the data. */
export function checkDataRules(definitions: ModdleElement, problems: Problems): void {
  walkModdle(definitions, (element) => {
    const io: ModdleElement | undefined = element.ioSpecification;
    if (io && (element.$type === 'bpmn:SubProcess' || element.$type === 'bpmn:Transaction' || element.$type === 'bpmn:AdHocSubProcess')) {
      problems.at(element.id, 'a subprocess cannot have an ioSpecification: it sees the data of its parent (BPMN 10.4.1)');
    }
    if (io) {
      const inputSets = (io.inputSets ?? []) as ModdleElement[];
      const outputSets = (io.outputSets ?? []) as ModdleElement[];
      for (const input of (io.dataInputs ?? []) as ModdleElement[]) {
        if (!inputSets.some((set) => (set.dataInputRefs ?? []).includes(input))) problems.at(input.id ?? element.id, `data input '${input.id}' belongs to no input set of '${element.id}': every data input is referenced by an input set (BPMN 10.4.2)`);
      }
      for (const output of (io.dataOutputs ?? []) as ModdleElement[]) {
        if (!outputSets.some((set) => (set.dataOutputRefs ?? []).includes(output))) problems.at(output.id ?? element.id, `data output '${output.id}' belongs to no output set of '${element.id}': every data output is referenced by an output set (BPMN 10.4.2)`);
      }
    }
    if ((element.$type === 'bpmn:DataInputAssociation' || element.$type === 'bpmn:DataOutputAssociation') && !element.transformation) {
      const sources = (element.sourceRef ?? []) as ModdleElement[];
      if (sources.length > 1) problems.at(element.id ?? element.$parent?.id, `a data association without a transformation has exactly one sourceRef; it has ${sources.length} (BPMN 10.4.5)`);
    }
  });
}
