/** Loads a page's module on first visit (each page is its own chunk) and renders it. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PageDefinition, PageProps } from './PageDefinition';
import type { SessionUser } from './session';
import { useDefaultTitle } from './title';

const loaded = new Map<PageDefinition, ComponentType<PageProps>>();

export function LazyPage({ page, user, subpath }: { page: PageDefinition; user: SessionUser; subpath: string }) {
  const [Component, setComponent] = useState<ComponentType<PageProps> | undefined>(() => loaded.get(page));
  const [failed, setFailed] = useState<string>();
  useDefaultTitle(page.title);
  useEffect(() => {
    if (loaded.has(page)) return setComponent(() => loaded.get(page));
    setComponent(undefined);
    page.load().then(
      (module) => {
        loaded.set(page, module.default);
        setComponent(() => module.default);
      },
      (error: Error) => setFailed(error.message),
    );
  }, [page]);
  if (failed) return <div class="page-message" role="alert"><h1>This page could not be loaded</h1><p>{failed}</p><p>Reload the page to try again.</p></div>;
  if (!Component) return <div class="page-loading" aria-busy="true">Loading…</div>;
  return <Component user={user} subpath={subpath} />;
}
