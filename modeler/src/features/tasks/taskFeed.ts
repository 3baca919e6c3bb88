/**
 * Live task updates in the browser: one EventSource on /api/task-events
 * (server-sent events, see api/routes/taskEvents.ts for why not a poll),
 * shared by everything on the page that shows tasks, open while anything
 * listens. The browser reconnects by itself after a lost connection; every
 * `ready` (first or again) is passed on as "many changed", so lists refetch
 * whatever they may have missed meanwhile.
 */
import { useEffect, useRef } from 'preact/hooks';

/** Which tasks changed; `many`: refetch everything. */
export interface TaskChanges {
  ids: string[];
  many: boolean;
}

type Listener = (changes: TaskChanges) => void;

const listeners = new Set<Listener>();
let source: EventSource | undefined;
let retry: number | undefined;

const emit = (changes: TaskChanges) => listeners.forEach((listener) => listener(changes));

function connect(): void {
  source = new EventSource('/api/task-events');
  source.addEventListener('ready', () => emit({ ids: [], many: true }));
  source.addEventListener('tasks', (event) => emit(JSON.parse((event as MessageEvent<string>).data) as TaskChanges));
  source.addEventListener('error', () => {
    // A refused stream (e.g. the session ended) is not retried by the browser: try again later, while someone listens.
    if (source?.readyState === EventSource.CLOSED && listeners.size && retry === undefined) {
      disconnect();
      retry = window.setTimeout(() => {
        retry = undefined;
        if (listeners.size && !source) connect();
      }, 10_000);
    }
  });
}

function disconnect(): void {
  source?.close();
  source = undefined;
}

/** Listens for task changes; returns the function that stops listening. */
export function subscribeToTaskChanges(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      disconnect();
      if (retry !== undefined) window.clearTimeout(retry);
      retry = undefined;
    }
  };
}

/** Calls `listener` (its latest version) on every task change while the component is mounted. */
export function useTaskChanges(listener: Listener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribeToTaskChanges((changes) => latest.current(changes)), []);
}
