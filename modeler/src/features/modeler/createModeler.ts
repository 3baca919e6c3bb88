/**
 * The bpmn-js Modeler as Lifeline's designers use it: Camunda 8's `zeebe:`
 * dialect (moddle, behaviors, properties provider) so models are written
 * exactly as Camunda Modeler writes them, the `lifeline:` extension from
 * the ONE descriptor the engine's parser also loads, bpmnlint while
 * drawing, and markers for the engine's own problems.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import lintModule from 'bpmn-js-bpmnlint';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import lifelineModdle from '../../../../engine/parser/lifeline-moddle.json';
import bpmnlintConfig from '../../../.bpmnlintrc';
import LifelinePropertiesModule from './lifeline-properties';
import ProblemMarkersModule from './problems';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

export function createModeler(canvas: HTMLElement, properties: HTMLElement): BpmnModeler {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      lintModule,
      LifelinePropertiesModule,
      ProblemMarkersModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle, lifeline: lifelineModdle },
  });
}
