/**
 * Tab titles: "<page> · Lifeline" for every page, optionally with a detail
 * in front ("Call customer · Tasks · Lifeline") and a count ("(3) Tasks ·
 * Lifeline", e.g. my open tasks). The shell sets the page's default title
 * from the registry; a page may name itself more precisely with `useTitle`
 * ("Instance ORD-2 · Monitor"), add a detail or a count. The parts are set
 * by different components in any order; the title is composed from them.
 */
import { useEffect, useLayoutEffect } from 'preact/hooks';

const parts = { page: '', detail: '', count: 0 };

function render(): void {
  const name = [parts.detail, parts.page, 'Lifeline'].filter(Boolean).join(' · ');
  document.title = parts.count > 0 ? `(${parts.count}) ${name}` : name;
}

/** The page's own title (wins over the shell's default: it runs after it). */
export function useTitle(title: string): void {
  useEffect(() => {
    parts.page = title;
    render();
  }, [title]);
}

/**
 * The title the shell gives a page from its registry entry. A layout effect,
 * so it runs before the page's own `useTitle` effects: a page that names
 * itself more precisely ("Instance ORD-2 · Monitor") keeps its title.
 */
export function useDefaultTitle(title: string): void {
  useLayoutEffect(() => {
    parts.page = title;
    render();
  }, [title]);
}

/** What the page shows now, in front of the page title (e.g. a task's name); cleared on unmount. */
export function useTitleDetail(detail: string | undefined): void {
  useEffect(() => {
    parts.detail = detail ?? '';
    render();
    return () => {
      parts.detail = '';
      render();
    };
  }, [detail]);
}

/** A count shown in front of the title (0 or undefined: none); cleared on unmount. */
export function useTitleCount(count: number | undefined): void {
  useEffect(() => {
    parts.count = count ?? 0;
    render();
    return () => {
      parts.count = 0;
      render();
    };
  }, [count]);
}
