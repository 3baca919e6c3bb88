/**
 * What a feature declares for each page it adds to the app: its path, its
 * tab title, who may see it and how to load it. The shell derives routing,
 * navigation, titles and "you may not see this page" from these entries.
 */
import type { ComponentType } from 'preact';
import type { SessionUser } from './session';

/** The roles of the API (api/auth/permissions.ts). */
export type Role = 'designer' | 'employee' | 'manager' | 'admin' | 'worker';

/** What every page component receives. */
export interface PageProps {
  /** The logged-in user (undefined only on public pages). */
  user: SessionUser;
  /** The part of the path below the page's own path, without leading slash ('' on the page itself). */
  subpath: string;
}

export interface PageDefinition {
  /** The page owns this path and everything below it, e.g. '/modeler' (deep links: '/modeler/definitions/…'). */
  path: string;
  /** Tab title (shown as "<title> · Lifeline") and navigation label. */
  title: string;
  /** Who may open it; admins may open every page. 'public' pages need no login. */
  roles: Role[] | 'public';
  /** Listed in the header navigation (default true for non-public pages). */
  nav?: boolean;
  /** Full-screen pages (login) render without the header. */
  bare?: boolean;
  /** A lazy import of the page: its module's default export is the page component. */
  load: () => Promise<{ default: ComponentType<PageProps> }>;
}

/** May a user with these roles open the page? */
export function mayOpen(page: PageDefinition, roles: readonly string[]): boolean {
  if (page.roles === 'public') return true;
  return roles.includes('admin') || page.roles.some((role) => roles.includes(role));
}
