/** Admin: users, groups and memberships, API tokens. */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/admin', title: 'Admin', roles: ['admin'], load: () => import('./AdminPage') },
];
