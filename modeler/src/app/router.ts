/**
 * Client-side routing on the History API: the path is the state, so every
 * page has a deep link, and back/forward work. `navigate` for code, `Link`
 * for anchors (a plain <a href>, so middle-click and copy-link still work).
 */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

/** Guards that may veto leaving the current page (unsaved work): return a question to ask, or undefined. */
const leaveGuards = new Set<() => string | undefined>();

/** Registers a guard asked before in-app navigation; returns its removal. */
export function guardLeaving(guard: () => string | undefined): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

/** Goes to an app path (with query), unless a leave guard's question is declined. */
export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (!options.force) {
    for (const guard of leaveGuards) {
      const question = guard();
      if (question && !window.confirm(question)) return;
    }
  }
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** The current path, re-rendering on navigation. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return { path: location.pathname.replace(/\/+$/, '') || '/', search: new URLSearchParams(location.search) };
}

/** Click handler for in-app anchors: plain left clicks navigate without a reload. */
export function linkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || anchor.target) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/');
}
