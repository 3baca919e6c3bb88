/** What the shell shows instead of a page: not allowed, not found, nothing to do yet. */
import type { PageDefinition } from './PageDefinition';
import type { SessionUser } from './session';
import { useTitle } from './title';
import { linkClick } from './router';

/** A page the user's roles do not allow: says so, and which roles would. */
export function Forbidden({ page, user }: { page: PageDefinition; user: SessionUser }) {
  useTitle(`${page.title}: not allowed`);
  const roles = page.roles === 'public' ? [] : page.roles;
  return (
    <main class="page-message" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">You may not see this page</h1>
      <p>
        <strong>{page.title}</strong> is for {roles.map((r) => `${r}s`).join(' and ')}. You are logged in as {user.displayName}
        {user.roles.length ? ` (${user.roles.join(', ')})` : ''}. Ask an administrator if you need access.
      </p>
      <p><a href="/" onClick={linkClick}>Back to your start page</a></p>
    </main>
  );
}

export function NotFound() {
  useTitle('Page not found');
  return (
    <main class="page-message" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at <code>{location.pathname}</code>.</p>
      <p><a href="/" onClick={linkClick}>Back to your start page</a></p>
    </main>
  );
}

/** The start page of a user whose roles have no page in the app (e.g. a worker). */
export function Welcome({ user }: { user: SessionUser }) {
  useTitle('Welcome');
  return (
    <main class="page-message" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome, {user.displayName}</h1>
      <p>No page of the app is for your roles ({user.roles.join(', ') || 'none'}) yet. Everything Lifeline does is also in <a href="/api/docs">the API</a>; workers use it with an API token.</p>
    </main>
  );
}
