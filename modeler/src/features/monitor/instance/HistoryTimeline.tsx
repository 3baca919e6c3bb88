/** The instance's history, newest first, grouped by day, in words; "Show every step" adds the minor lines. */
import { useState } from 'preact/hooks';
import { formatDateTime, formatDay, formatTime } from '../format';
import type { InstanceView } from '../monitorApi';
import { describe, type Names } from './historyWords';

export function HistoryTimeline({ history, names }: { history: InstanceView['history']; names: Names }) {
  const [everyStep, setEveryStep] = useState(false);
  const lines = history.map((event, index) => ({ event, index, words: describe(event, names) })).filter((line) => everyStep || !line.words.minor).reverse();
  const days: { day: string; lines: typeof lines }[] = [];
  for (const line of lines) {
    const day = formatDay(line.event.at);
    if (days[days.length - 1]?.day !== day) days.push({ day, lines: [] });
    days[days.length - 1].lines.push(line);
  }
  return (
    <section class="mon-card mon-history" aria-labelledby="mon-history-title">
      <header class="mon-card-header">
        <h2 id="mon-history-title">History</h2>
        <label class="mon-check">
          <input type="checkbox" checked={everyStep} onChange={(e) => setEveryStep(e.currentTarget.checked)} />
          Show every step
        </label>
      </header>
      <div class="mon-timeline">
        {days.map(({ day, lines: dayLines }) => (
          <section key={day} aria-label={day}>
            <h3 class="mon-day">{day}</h3>
            <ol>
              {dayLines.map(({ event, index, words }) => (
                <li key={index} class={`mon-event${words.tone ? ` mon-event-${words.tone}` : ''}`}>
                  <time dateTime={event.at} title={formatDateTime(event.at)}>{formatTime(event.at)}</time>
                  <span>{words.text}</span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </section>
  );
}
