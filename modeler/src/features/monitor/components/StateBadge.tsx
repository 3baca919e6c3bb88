/** An instance's state as a coloured word: Running, Completed, Cancelled, Terminated. */
const WORDS: Record<string, string> = { active: 'Running', completed: 'Completed', cancelled: 'Cancelled', terminated: 'Terminated' };

export function StateBadge({ state, incidents = 0 }: { state: string; incidents?: number }) {
  if (state === 'active' && incidents > 0) return <span class="mon-state mon-state-incident">Incident</span>;
  return <span class={`mon-state mon-state-${state}`}>{WORDS[state] ?? state}</span>;
}

export const stateWord = (state: string) => WORDS[state] ?? state;
