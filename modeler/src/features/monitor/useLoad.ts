/**
 * Loads what a monitor page shows and keeps it fresh: reloads when its
 * inputs change, on demand (after a repair), and every `pollMs` while the
 * tab is visible (a cheap poll: a page is one request). A slow answer that
 * arrives after a newer one is dropped; the old data stays on screen while
 * reloading, so nothing flickers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>, inputs: unknown[], options: { pollMs?: number; keepPolling?: (data: T) => boolean } = {}): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const sequence = useRef(0);
  const latest = useRef({ load, options });
  latest.current = { load, options };

  const reload = async () => {
    const mine = ++sequence.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await latest.current.load();
      if (mine === sequence.current) setState({ data, loading: false });
    } catch (failure) {
      if (mine === sequence.current) setState((previous) => ({ data: previous.data, error: (failure as Error).message, loading: false }));
    }
  };

  useEffect(() => {
    setState({ loading: true });
    void reload();
  }, inputs);

  useEffect(() => {
    const { pollMs, keepPolling } = options;
    if (!pollMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || state.loading) return;
      if (keepPolling && state.data !== undefined && !keepPolling(state.data)) return;
      void reload();
    }, pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, state.loading, state.data]);

  return { ...state, reload };
}
