/** The login page (public, full screen). */
import type { PageDefinition } from '../../app/PageDefinition';

export const pages: PageDefinition[] = [
  { path: '/login', title: 'Log in', roles: 'public', bare: true, load: () => import('./LoginPage') },
];
