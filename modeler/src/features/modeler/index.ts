/** The designer's modeler: draw, lint, validate and deploy BPMN models and their forms. */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/modeler', title: 'Modeler', roles: ['designer'], load: () => import('./ModelerPage') },
];
