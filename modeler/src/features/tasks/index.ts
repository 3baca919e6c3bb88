/** The task list (Tasks): employees' and managers' work, live. */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/tasks', title: 'Tasks', roles: ['employee', 'manager'], load: () => import('./TasksPage') },
];
