/** The virtual clock: where it stands, the next timer, and the moves (+1 hour, +1 working day, to the next timer, to a date). */
import { useEffect, useState } from 'preact/hooks';
import { formatMoment, wallClockInput } from './clockFormat';
import type { ClockMove, Rehearsal } from './rehearsalApi';

interface Props {
  rehearsal: Rehearsal;
  zone: string;
  busy: boolean;
  label(elementId: string): string;
  onMove(move: ClockMove, what: string): void;
}

export function ClockSection({ rehearsal, zone, busy, label, onMove }: Props) {
  const dayLater = () => wallClockInput(new Date(new Date(rehearsal.clockAt).getTime() + 86_400_000), zone);
  const [to, setTo] = useState(dayLater);
  // a day after wherever the clock stands now
  useEffect(() => setTo(dayLater()), [rehearsal.clockAt, zone]);
  const next = rehearsal.nextTimer;
  return (
    <section class="rh-section rh-clock" aria-labelledby="rh-clock-title">
      <h3 id="rh-clock-title">Virtual clock</h3>
      <p class="rh-now" aria-live="polite"><time dateTime={rehearsal.clockAt} data-testid="rehearsal-clock">{formatMoment(rehearsal.clockAt, zone)}</time> <span class="muted">{zone}</span></p>
      <p class="muted rh-next">{next ? <>Next timer: {label(next.elementId)}{next.number ? ` of #${next.number}` : ''}, {formatMoment(next.dueAt, zone)}</> : 'No timer is scheduled.'}</p>
      <div class="rh-buttons" role="group" aria-label="Move the clock">
        <button type="button" class="button" disabled={busy} onClick={() => onMove({ by: 'PT1H' }, '+1 hour')}>+1 hour</button>
        <button type="button" class="button" disabled={busy} onClick={() => onMove({ workingTime: 'P1D' }, '+1 working day')}>+1 working day</button>
        <button type="button" class="button" disabled={busy || !next} onClick={() => onMove({ nextTimer: true }, 'to the next timer')}>To next timer</button>
      </div>
      <form class="rh-inline" onSubmit={(e) => { e.preventDefault(); onMove({ to }, `to ${to.replace('T', ' ')}`); }}>
        <label for="rh-clock-to" class="visually-hidden">Move the clock to</label>
        <input id="rh-clock-to" type="datetime-local" class="input" value={to} onInput={(e) => setTo(e.currentTarget.value)} required />
        <button type="submit" class="button" disabled={busy}>To date</button>
      </form>
    </section>
  );
}
