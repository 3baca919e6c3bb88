/** Reports for managers: processes over a period, task elements, people and groups, workload with reassignment, the heat map, and what is behind every figure. */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/reports', title: 'Reports', roles: ['manager'], load: () => import('./ReportsPage') },
];
