/**
 * The `lifeline:` moddle extension: what Camunda has no words for.
 * `<lifeline:assignment strategy="leastLoaded"/>` on a user task.
 */
export const LIFELINE_NAMESPACE = 'http://lifeline.dev/schema/bpmn/1.0';

export const lifelineDescriptor = {
  name: 'Lifeline',
  prefix: 'lifeline',
  uri: LIFELINE_NAMESPACE,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'Assignment',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:UserTask'] },
      properties: [{ name: 'strategy', isAttr: true, type: 'String' }],
    },
  ],
};

/** Assignment strategies the engine implements. */
export const ASSIGNMENT_STRATEGIES = ['leastLoaded'];
