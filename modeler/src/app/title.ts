/** Tab titles: "<page> · Lifeline" for every page. */
import { useEffect, useLayoutEffect } from 'preact/hooks';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Lifeline` : 'Lifeline';
  }, [title]);
}

/**
 * The title the shell gives a page from its registry entry. A layout effect,
 * so it runs before the page's own `useTitle` effects: a page that names
 * itself more precisely ("Instance ORD-2 · Monitor") keeps its title.
 */
export function useDefaultTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = title ? `${title} · Lifeline` : 'Lifeline';
  }, [title]);
}
