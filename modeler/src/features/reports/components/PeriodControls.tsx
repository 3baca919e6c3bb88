/** Chooses the period of the reports: first and last day, bucket size, time zone, and a few usual ranges. */
import type { PeriodQuery } from '../reportsApi';

const ZONES: string[] = (() => {
  const listed = (Intl as unknown as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set(['UTC', ...listed])];
})();

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export interface ShownPeriod {
  from: string;
  to: string;
  bucket: 'day' | 'week' | 'month';
  timeZone: string;
}

export function PeriodControls({ period, onChange }: { period?: ShownPeriod; onChange(change: Partial<PeriodQuery>): void }) {
  if (!period) return <div class="rep-period" aria-busy="true" />;
  const last = (days: number) => {
    const to = new Date(`${period.to}T00:00:00Z`);
    onChange({ from: dayOf(new Date(to.getTime() - (days - 1) * 86_400_000)), to: period.to });
  };
  return (
    <form class="rep-period" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
      <label class="rep-field">
        <span>From</span>
        <input class="input" type="date" value={period.from} max={period.to} onChange={(e) => e.currentTarget.value && onChange({ from: e.currentTarget.value })} />
      </label>
      <label class="rep-field">
        <span>To</span>
        <input class="input" type="date" value={period.to} min={period.from} onChange={(e) => e.currentTarget.value && onChange({ to: e.currentTarget.value })} />
      </label>
      <label class="rep-field">
        <span>By</span>
        <select class="select" value={period.bucket} onChange={(e) => onChange({ bucket: e.currentTarget.value as ShownPeriod['bucket'] })}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
      <label class="rep-field">
        <span>Time zone</span>
        <select class="select" value={period.timeZone} onChange={(e) => onChange({ timeZone: e.currentTarget.value })}>
          {(ZONES.includes(period.timeZone) ? ZONES : [period.timeZone, ...ZONES]).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
      </label>
      <div class="rep-presets" role="group" aria-label="Usual periods">
        <button type="button" class="button ghost" onClick={() => last(28)}>4 weeks</button>
        <button type="button" class="button ghost" onClick={() => last(91)}>3 months</button>
        <button type="button" class="button ghost" onClick={() => last(365)}>12 months</button>
      </div>
    </form>
  );
}
