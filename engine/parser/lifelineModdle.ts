/**
 * The `lifeline:` moddle extension (namespace http://lifeline.dev/schema/bpmn/1.0):
 * what Camunda has no words for. The descriptor is ONE JSON file,
 * `lifeline-moddle.json`, loaded both here (the engine's parser) and by the
 * browser app's modeler, so the two can never disagree.
 */
import descriptor from './lifeline-moddle.json' with { type: 'json' };

/** The XML namespace of Lifeline's extension elements. */
export const LIFELINE_NAMESPACE = descriptor.uri;

/** Assignment strategies the engine implements (see engine/service/assignment.ts). */
export const ASSIGNMENT_STRATEGIES: readonly string[] = ['leastLoaded', 'roundRobin'];

/** The moddle package descriptor, for `new BpmnModdle({ lifeline: lifelineDescriptor })`. */
export const lifelineDescriptor = descriptor;
