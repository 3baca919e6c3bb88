/**
 * The shell: who is logged in, which page the path names, whether the user
 * may see it, and the layout around it. Pages come from the registry
 * (pages.ts) and load lazily.
 */
import { useEffect } from 'preact/hooks';
import { loadSession, useSession } from './session';
import { navigate, useLocation } from './router';
import { navigationFor, pageFor } from './pages';
import { mayOpen } from './PageDefinition';
import { Layout } from './Layout';
import { LazyPage } from './LazyPage';
import { Forbidden, NotFound, Welcome } from './StatusPages';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true, force: true }), [to]);
  return null;
}

export function App() {
  const user = useSession();
  const { path, search } = useLocation();
  useEffect(() => {
    void loadSession();
  }, []);
  if (user === undefined) return <div class="splash" aria-busy="true" />;

  if (path === '/') {
    if (!user) return <Redirect to="/login" />;
    const first = navigationFor(user.roles)[0];
    return first ? <Redirect to={first.path} /> : <Layout user={user}><Welcome user={user} /></Layout>;
  }
  const page = pageFor(path);
  if (!page) return user ? <Layout user={user}><NotFound /></Layout> : <Redirect to={`/login?next=${encodeURIComponent(path)}`} />;
  if (page.roles !== 'public' && !user) return <Redirect to={`/login?next=${encodeURIComponent(path + (search.size ? `?${search}` : ''))}`} />;
  if (user && !mayOpen(page, user.roles)) return <Layout user={user}><Forbidden page={page} user={user} /></Layout>;
  const subpath = path.slice(page.path.length).replace(/^\//, '');
  const content = <LazyPage page={page} user={user!} subpath={subpath} />;
  return page.bare || !user ? content : <Layout user={user}>{content}</Layout>;
}
