/** The instance's history so far, in words, oldest first: who did what, when. */
import { useEffect, useState } from 'preact/hooks';
import { getHistory, type HistoryLine } from './taskApi';
import { formatDateTime } from './dates';
import { historyWords } from './historyWords';

export function TaskHistory({ taskId, processName, version }: { taskId: string; processName: string; version: string }) {
  const [lines, setLines] = useState<HistoryLine[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    getHistory(taskId).then(
      (items) => live && (setLines(items), setError(undefined)),
      (failure: Error) => live && setError(failure.message),
    );
    return () => void (live = false);
  }, [taskId, version]);
  // A cancellation is one event to a reader: drop the termination it caused.
  const cancelledAt = new Set((lines ?? []).filter((l) => l.type === 'process.cancel.requested').map((l) => l.at));
  const shown = (lines ?? [])
    .filter((line) => !(line.type === 'process.terminated' && cancelledAt.has(line.at)))
    .map((line) => ({ line, words: historyWords(line, processName) }))
    .filter((entry) => entry.words);
  return (
    <section class="task-section" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {error && <p class="alert error" role="alert">The history could not be loaded: {error}</p>}
      {!lines && !error && <p class="muted-text">Loading…</p>}
      {lines && (
        <ol class="history">
          {shown.map(({ line, words }) => (
            <li key={`${line.seq}-${line.type}`} class={`history-line ${line.type.replace(/\./g, '-')}`}>
              <time dateTime={line.at}>{formatDateTime(line.at)}</time>
              <span>{words}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
