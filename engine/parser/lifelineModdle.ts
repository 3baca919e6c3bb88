/**
 * The `lifeline:` moddle extension (namespace http://lifeline.dev/schema/bpmn/1.0):
 * what Camunda has no words for. Today one element, the assignment strategy
 * of a user task: `<lifeline:assignment strategy="leastLoaded"/>`, read into
 * `NodeIR.lifeline.assignmentStrategy`. The modeler's properties panel loads
 * the same descriptor.
 */

/** The XML namespace of Lifeline's extension elements. */
export const LIFELINE_NAMESPACE = 'http://lifeline.dev/schema/bpmn/1.0';

/** Assignment strategies the engine implements (see engine/service/assignment.ts). */
export const ASSIGNMENT_STRATEGIES: readonly string[] = ['leastLoaded'];

/** The moddle package descriptor, for `new BpmnModdle({ lifeline: lifelineDescriptor })`. */
export const lifelineDescriptor = {
  name: 'Lifeline',
  prefix: 'lifeline',
  uri: LIFELINE_NAMESPACE,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      // The assignment strategy element: `<lifeline:assignment strategy="..."/>`.
      name: 'Assignment',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:UserTask'] },
      properties: [{ name: 'strategy', isAttr: true, type: 'String' }],
    },
  ],
};
