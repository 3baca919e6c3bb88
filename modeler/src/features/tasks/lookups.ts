/**
 * Names for ids the task list shows: process names by key (and the list
 * of processes for the filter), people's names by user id. Loaded once per
 * visit of the page; an id without a name shows as itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { findColleagues, latestDefinitions, type Definition } from './taskApi';

export interface Lookups {
  processes: Definition[];
  processName(key: string): string;
  personName(id: string): string;
}

export function useLookups(): Lookups {
  const [processes, setProcesses] = useState<Definition[]>([]);
  const [people, setPeople] = useState<Record<string, string>>({});
  useEffect(() => {
    latestDefinitions().then((list) => setProcesses([...list].sort((a, b) => (a.name ?? a.key).localeCompare(b.name ?? b.key))), () => {});
    findColleagues('').then((list) => setPeople(Object.fromEntries(list.map((c) => [c.id, c.displayName]))), () => {});
  }, []);
  const names = Object.fromEntries(processes.map((d) => [d.key, d.name ?? d.key]));
  return {
    processes,
    processName: (key) => names[key] ?? key,
    personName: (id) => people[id] ?? id,
  };
}
