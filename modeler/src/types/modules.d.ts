/** Packages of the bpmn.io stack that ship no TypeScript declarations. */
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module '@bpmn-io/properties-panel/preact';
declare module '@bpmn-io/properties-panel/preact/hooks';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmnlint';
declare module 'bpmn-js/lib/util/ModelUtil';
declare module 'bpmn-js/lib/features/modeling/util/ModelingUtil';
declare module '*.bpmnlintrc' {
  const config: unknown;
  export default config;
}
declare module '*/.bpmnlintrc' {
  const config: unknown;
  export default config;
}
