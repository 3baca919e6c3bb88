/** The frame of every signed-in page: header with brand, role-based navigation and the user menu. */
import type { ComponentChildren } from 'preact';
import { linkClick, useLocation } from './router';
import type { SessionUser } from './session';
import { navigationFor, pageFor } from './pages';
import { UserMenu } from './UserMenu';

export function Layout({ user, children }: { user: SessionUser; children: ComponentChildren }) {
  const { path } = useLocation();
  const nav = navigationFor(user.roles);
  // The page that owns the path is the active one (/tasks/start is Processes, not Tasks).
  const current = pageFor(path);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="app-header">
        <a class="brand" href="/" onClick={linkClick} aria-label="Lifeline, start page">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Lifeline</span>
        </a>
        <nav class="app-nav" aria-label="Main">
          {nav.map((page) => {
            const active = page === current;
            return (
              <a key={page.path} href={page.path} onClick={linkClick} class={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
                {page.title}
              </a>
            );
          })}
        </nav>
        <UserMenu user={user} />
      </header>
      <div id="main" class="app-main" tabIndex={-1}>{children}</div>
    </div>
  );
}
