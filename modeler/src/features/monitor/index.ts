/** The manager's monitor: counts per process, the instance list, and pages to look at and repair instances and definitions. */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/monitor', title: 'Monitor', roles: ['manager'], load: () => import('./MonitorPage') },
];
