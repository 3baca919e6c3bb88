/** The task list (Tasks): employees' and managers' work, live; and starting a process from its start form (Processes). */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/tasks', title: 'Tasks', roles: ['employee', 'manager'], load: () => import('./TasksPage') },
  { path: '/tasks/start', title: 'Processes', roles: ['designer', 'employee', 'manager'], load: () => import('./start/StartPage') },
];
