/**
 * The page registry: every page of the app, feature by feature. A feature
 * exports its `pages` from its folder's index.ts; add them here and the
 * shell routes to them, lists them in the navigation for the roles they
 * name, and sets their tab titles. Order here is navigation order.
 */
import { mayOpen, type PageDefinition } from './PageDefinition';
import { pages as login } from '../features/login';
import { pages as modeler } from '../features/modeler';
import { pages as tasks } from '../features/tasks';
import { pages as monitor } from '../features/monitor';
import { pages as reports } from '../features/reports';
import { pages as admin } from '../features/admin';

export const pages: PageDefinition[] = [...login, ...modeler, ...tasks];
pages.push(...monitor);
pages.push(...reports);
pages.push(...admin);

/** The page owning `path` (the longest matching page path), if any. */
export function pageFor(path: string): PageDefinition | undefined {
  return pages
    .filter((page) => path === page.path || path.startsWith(`${page.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** The pages a user sees in the navigation, in registry order. */
export function navigationFor(roles: readonly string[]): PageDefinition[] {
  return pages.filter((page) => page.roles !== 'public' && page.nav !== false && mayOpen(page, roles));
}
