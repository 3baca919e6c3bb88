/**
 * The browser app's own paths: each, and everything below it, answers with
 * the app's index.html so a deep link (a bookmark, a reload, a link in a
 * mail) opens the right page. A new top-level page of the app adds its
 * prefix here (see modeler/README.md).
 */
export const CLIENT_ROUTE_PREFIXES = ['/login', '/modeler', '/tasks', '/monitor', '/admin'];
CLIENT_ROUTE_PREFIXES.push('/reports');

/** True for `/` and for every path at or below a client route prefix. */
export function isClientRoute(path: string): boolean {
  if (path === '/' || path === '/index.html') return true;
  return CLIENT_ROUTE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
