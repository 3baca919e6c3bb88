/** What the last repair did ("Incident retried by you"), announced to screen readers, gone after a while. */
import { useEffect } from 'preact/hooks';

export function Notice({ text, onGone }: { text?: string; onGone(): void }) {
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(onGone, 6000);
    return () => clearTimeout(timer);
  }, [text]);
  return <div class="mon-notice" role="status" aria-live="polite">{text && <div class="alert success">{text}</div>}</div>;
}
