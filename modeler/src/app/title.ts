/** Tab titles: "<page> · Lifeline" for every page. */
import { useEffect } from 'preact/hooks';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Lifeline` : 'Lifeline';
  }, [title]);
}
