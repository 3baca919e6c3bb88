/**
 * Loads what a report page shows: again when its inputs change, and on
 * demand (after a reassignment). A slow answer that arrives after a newer
 * one is dropped; the old figures stay on screen while reloading.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): Promise<void>;
}

export function useReport<T>(load: () => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const sequence = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  const reload = async () => {
    const mine = ++sequence.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await latest.current();
      if (mine === sequence.current) setState({ data, loading: false });
    } catch (failure) {
      if (mine === sequence.current) setState((previous) => ({ data: previous.data, error: (failure as Error).message, loading: false }));
    }
  };
  useEffect(() => {
    void reload();
  }, inputs);
  return { ...state, reload };
}
